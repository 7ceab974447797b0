using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace CertBot.Protocol.Authentication;

/// <summary>
/// OpenID metadata (and so signing keys) for one metadata URL. A <see cref="ConfigurationManager{T}"/> caches and
/// refreshes it on schedule; because that refresh runs in the background in IdentityModel 8, an unknown key id
/// triggers one direct, throttled fetch whose result is used at once and kept for a while.
/// </summary>
internal sealed class SigningMetadata : IDisposable
{
    private static readonly TimeSpan ForcedRefreshThrottle = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ForcedConfigLifetime = TimeSpan.FromHours(1);

    private readonly string _url;
    private readonly IDocumentRetriever _retriever;
    private readonly ConfigurationManager<OpenIdConnectConfiguration> _manager;
    private readonly TimeProvider _clock;
    private readonly SemaphoreSlim _forceGate = new(1, 1);
    private OpenIdConnectConfiguration? _forced;
    private DateTimeOffset _forcedAt = DateTimeOffset.MinValue;

    public SigningMetadata(string url, IDocumentRetriever retriever, TimeProvider clock)
    {
        _url = url;
        _retriever = retriever;
        _clock = clock;
        _manager = new ConfigurationManager<OpenIdConnectConfiguration>(url, new OpenIdConnectConfigurationRetriever(), retriever);
    }

    public async Task<OpenIdConnectConfiguration> GetAsync(CancellationToken cancellationToken)
    {
        var forced = Volatile.Read(ref _forced);
        if (forced is not null && _clock.GetUtcNow() - _forcedAt < ForcedConfigLifetime)
        {
            return forced;
        }

        try
        {
            return await _manager.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException ex)
        {
            throw new ChannelAuthenticationException("OpenID metadata unavailable", ex);
        }
    }

    /// <summary>Fetches fresh metadata now, at most once per throttle window (unknown kids must not flood the IdP).</summary>
    public async Task<OpenIdConnectConfiguration> RefreshAsync(CancellationToken cancellationToken)
    {
        await _forceGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_clock.GetUtcNow() - _forcedAt >= ForcedRefreshThrottle)
            {
                try
                {
                    var fresh = await OpenIdConnectConfigurationRetriever.GetAsync(_url, _retriever, cancellationToken).ConfigureAwait(false);
                    Volatile.Write(ref _forced, fresh);
                }
                catch (Exception ex) when (ex is IOException or HttpRequestException or InvalidOperationException or ArgumentException)
                {
                    // Keep using what we have; the token is judged against it.
                }
                finally
                {
                    _forcedAt = _clock.GetUtcNow();
                }
            }
        }
        finally
        {
            _forceGate.Release();
        }

        return await GetAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _forceGate.Dispose();
}

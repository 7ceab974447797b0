using CertBot.Protocol.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace CertBot.Protocol.Authentication;

/// <summary>
/// OpenID metadata (and so signing keys) for one metadata URL, cached. A request never waits for a refresh while
/// keys are held: a stale set starts one in the background and is used meanwhile, and when refreshes fail the last
/// good set stays in use for up to <c>SigningKeysMaxAge</c>. Only with no usable keys does a request wait, and then
/// only within its own budget. An unknown key id triggers one throttled refresh that the request waits for.
/// </summary>
internal sealed class SigningMetadata
{
    private static readonly TimeSpan ForcedRefreshThrottle = TimeSpan.FromSeconds(30);

    // With no keys at all, a failed fetch is not repeated for every request that arrives right after it.
    private static readonly TimeSpan FailedFetchThrottle = TimeSpan.FromSeconds(5);

    private readonly string _url;
    private readonly IDocumentRetriever _retriever;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _refreshInterval;
    private readonly TimeSpan _maxAge;
    private readonly TimeSpan _fetchTimeout;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private Held? _held;
    private Task<Held?>? _fetch;
    private DateTimeOffset _fetchStarted = DateTimeOffset.MinValue;
    private DateTimeOffset _forcedAt = DateTimeOffset.MinValue;

    public SigningMetadata(
        string url, IDocumentRetriever retriever, TimeProvider clock, TimeSpan refreshInterval, TimeSpan maxAge, TimeSpan fetchTimeout, ILogger logger)
    {
        _url = url;
        _retriever = retriever;
        _clock = clock;
        _refreshInterval = refreshInterval;
        _maxAge = maxAge;
        // Metadata and key set are two requests, each bounded by MetadataTimeout in the HttpClient's pipeline.
        _fetchTimeout = fetchTimeout * 2;
        _logger = logger;
    }

    /// <summary>When the keys in use were fetched, or null when no usable keys are held.</summary>
    public DateTimeOffset? KeysFetchedAt => Usable()?.FetchedAt;

    public async Task<OpenIdConnectConfiguration> GetAsync(CancellationToken cancellationToken)
    {
        var held = Usable();
        if (held is not null)
        {
            if (_clock.GetUtcNow() - held.FetchedAt >= _refreshInterval)
            {
                _ = Fetch(forced: false);
            }

            return held.Config;
        }

        var fetched = await Fetch(forced: false).WaitAsync(cancellationToken).ConfigureAwait(false);
        return fetched?.Config ?? throw new SigningKeysUnavailableException("No signing keys are held and the OpenID metadata endpoint did not provide any.");
    }

    /// <summary>Fetches fresh metadata now, at most once per throttle window (unknown kids must not flood the IdP).</summary>
    public async Task<OpenIdConnectConfiguration> RefreshAsync(CancellationToken cancellationToken)
    {
        await Fetch(forced: true).WaitAsync(cancellationToken).ConfigureAwait(false);
        return await GetAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Waits (within <paramref name="cancellationToken"/>) until usable keys are held; false when none can be had.</summary>
    public async Task<bool> EnsureKeysAsync(CancellationToken cancellationToken)
    {
        if (Usable() is not null)
        {
            return true;
        }

        try
        {
            return await Fetch(forced: false).WaitAsync(cancellationToken).ConfigureAwait(false) is not null;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private Held? Usable()
    {
        var held = Volatile.Read(ref _held);
        return held is not null && _clock.GetUtcNow() - held.FetchedAt < _maxAge ? held : null;
    }

    /// <summary>
    /// Joins the fetch in flight, or starts one: a forced one (unknown key id) at most once per
    /// <see cref="ForcedRefreshThrottle"/>, any other not within <see cref="FailedFetchThrottle"/> of the last.
    /// </summary>
    private Task<Held?> Fetch(bool forced)
    {
        lock (_gate)
        {
            var now = _clock.GetUtcNow();
            if (_fetch is not null
                && (!_fetch.IsCompleted || (forced ? now - _forcedAt < ForcedRefreshThrottle : now - _fetchStarted < FailedFetchThrottle)))
            {
                return _fetch;
            }

            if (forced)
            {
                _forcedAt = now;
            }

            _fetchStarted = now;
            _fetch = Task.Run(FetchAsync);
            return _fetch;
        }
    }

    private async Task<Held?> FetchAsync()
    {
        using var timeout = new CancellationTokenSource(_fetchTimeout, _clock);
        try
        {
            var config = await OpenIdConnectConfigurationRetriever.GetAsync(_url, _retriever, timeout.Token).ConfigureAwait(false);
            if (config.SigningKeys.Count == 0)
            {
                throw new InvalidOperationException("The key set holds no signing keys.");
            }

            var held = new Held(config, _clock.GetUtcNow());
            Volatile.Write(ref _held, held);
            return held;
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException or InvalidOperationException or ArgumentException or OperationCanceledException or Polly.Timeout.TimeoutRejectedException)
        {
            var usable = Usable();
            _logger.SigningKeysRefreshFailed(
                ex, _url, usable is null ? "no usable signing keys are held" : $"keeping the keys fetched at {usable.FetchedAt:u}");
            return usable;
        }
    }

    private sealed record Held(OpenIdConnectConfiguration Config, DateTimeOffset FetchedAt);
}

using CertBot.Protocol.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MsalException = Microsoft.Identity.Client.MsalException;

namespace CertBot.Protocol.Connector;

/// <summary>
/// Remembers whether the last outbound token request worked, so /readyz can say that replies cannot be sent
/// (an expired or wrong client secret) before users notice. A failure is logged once, with what to renew,
/// until a request works again; the secret itself never appears.
/// </summary>
public sealed partial class ConnectorTokenHealth : IConnectorTokenProvider
{
    private readonly IConnectorTokenProvider _inner;
    private readonly BotFrameworkOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<ConnectorTokenHealth> _logger;
    private volatile TokenOutcome? _last;

    public ConnectorTokenHealth(IConnectorTokenProvider inner, IOptions<BotFrameworkOptions> options, TimeProvider time, ILogger<ConnectorTokenHealth> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _inner = inner;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <summary>The last request's outcome; null before the first request.</summary>
    public TokenOutcome? Last => _last;

    /// <summary>True when outbound calls carry no token at all (local mode).</summary>
    public bool IsLocalMode => _options.IsLocalMode;

    /// <summary>Asks for a token within <see cref="BotFrameworkOptions.TokenTimeout"/> (on the clock) and records how it went.</summary>
    public async Task<string?> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.TokenTimeout, _time);
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            var token = await _inner.GetTokenAsync(forceRefresh, bounded.Token).ConfigureAwait(false);
            if (_last is { Succeeded: false })
            {
                LogTokenRecovered();
            }

            _last = new TokenOutcome(true, _time.GetUtcNow(), null);
            return token;
        }
        catch (MsalException ex)
        {
            Failed(Explain(ex));
            throw;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            Failed($"the token endpoint did not answer within {_options.TokenTimeout.TotalSeconds:0.#} s (BotFramework:TokenTimeout)");
            throw;
        }
    }

    private void Failed(string reason)
    {
        if (_last is not { Succeeded: false })
        {
            LogTokenFailed(_options.MicrosoftAppId, reason);
        }

        _last = new TokenOutcome(false, _time.GetUtcNow(), reason);
    }

    // Entra's AADSTS codes say which credential to fix; the message names the setting and the portal page.
    private string Explain(MsalException ex)
    {
        var message = ex.Message;
        var credential = _options.MicrosoftAppType == BotAppType.UserAssignedMSI
            ? "the managed identity assigned to this app (MicrosoftAppId is its client id)"
            : "the client secret in MicrosoftAppPassword (App registrations > your bot > Certificates & secrets)";
        if (message.Contains("AADSTS7000222", StringComparison.Ordinal))
        {
            return $"the client secret has expired: create a new secret and put its Value in MicrosoftAppPassword (App registrations > your bot > Certificates & secrets) [{ex.ErrorCode}]";
        }

        if (message.Contains("AADSTS7000215", StringComparison.Ordinal))
        {
            return $"the client secret is wrong (often the secret's ID pasted instead of its Value): renew {credential} [{ex.ErrorCode}]";
        }

        if (message.Contains("AADSTS700016", StringComparison.Ordinal) || message.Contains("AADSTS90002", StringComparison.Ordinal))
        {
            return $"Entra does not know this MicrosoftAppId in the tenant the token was asked from: check MicrosoftAppId, MicrosoftAppType and MicrosoftAppTenantId [{ex.ErrorCode}]";
        }

        return $"the token request failed: check or renew {credential} [{ex.ErrorCode}]";
    }

    [LoggerMessage(4800, LogLevel.Error, "Outbound token for MicrosoftAppId {AppId} failed, so the bot cannot reply through the Connector: {Reason}")]
    private partial void LogTokenFailed(string? appId, string reason);

    [LoggerMessage(4801, LogLevel.Information, "Outbound token works again; replies can be sent")]
    private partial void LogTokenRecovered();
}

/// <summary>One outbound token request's outcome; <see cref="Reason"/> says what to renew when it failed.</summary>
public sealed record TokenOutcome(bool Succeeded, DateTimeOffset At, string? Reason);

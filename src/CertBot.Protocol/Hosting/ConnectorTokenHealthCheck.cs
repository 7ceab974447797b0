using CertBot.Protocol.Connector;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CertBot.Protocol.Hosting;

/// <summary>
/// Readiness of outbound replies: asks for the Connector token (MSAL's cache makes a working one free) so an
/// expired secret shows as Degraded before a user's turn needs it. Degraded, not Unhealthy: expectReplies turns
/// and the console still work, and taking the bot out of rotation would not renew the secret. After a failure it
/// asks Entra again at most every <see cref="RetryAfter"/>.
/// </summary>
public sealed class ConnectorTokenHealthCheck(ConnectorTokenHealth tokens, TimeProvider time) : IHealthCheck
{
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(30);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (tokens.IsLocalMode)
        {
            return HealthCheckResult.Healthy("local mode, replies carry no token");
        }

        var last = tokens.Last;
        if (last is null || last.Succeeded || time.GetUtcNow() - last.At >= RetryAfter)
        {
            try
            {
                await tokens.GetTokenAsync(forceRefresh: false, cancellationToken).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // Any failure to get a token is what this check reports; ConnectorTokenHealth has recorded and logged it.
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
            {
            }

            last = tokens.Last;
        }

        return last is { Succeeded: false }
            ? HealthCheckResult.Degraded("outbound token failed: " + last.Reason)
            : HealthCheckResult.Healthy("outbound token works");
    }
}

using CertBot.Protocol.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CertBot.Protocol.Authentication;

/// <summary>
/// Readiness: red only when no valid signing keys are held (none fetched yet and the metadata endpoint does not answer,
/// or the last good set is older than <c>SigningKeysMaxAge</c>): then every authenticated request would be refused.
/// A failing refresh while good keys are held stays green; it is logged.
/// </summary>
public sealed class SigningKeysHealthCheck(ChannelTokenValidator validator, IOptions<BotFrameworkOptions> options, TimeProvider clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (options.Value.IsLocalMode)
        {
            return HealthCheckResult.Healthy("local mode, no tokens to check");
        }

        using var timeout = new CancellationTokenSource(options.Value.MetadataTimeout, clock);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        return await validator.EnsureSigningKeysAsync(wait.Token).ConfigureAwait(false)
            ? HealthCheckResult.Healthy($"signing keys held (fetched {validator.ChannelKeysFetchedAt:u})")
            : HealthCheckResult.Unhealthy("no valid signing keys: the OpenID metadata endpoint did not provide any");
    }
}

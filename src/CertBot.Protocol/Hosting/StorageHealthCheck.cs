using CertBot.Protocol.Configuration;
using CertBot.Protocol.State;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CertBot.Protocol.Hosting;

/// <summary>
/// Readiness: the options validate and the configured store takes a write, gives it back and deletes it (a probe
/// document of this instance); a store that only answers reads would fail every turn that learns something. One per
/// process (a singleton), so a probe cut by its timeout whose write lands later is overwritten and deleted by the
/// next probe instead of being left behind under a key of its own.
/// </summary>
public sealed class StorageHealthCheck(IServiceProvider services, IStorage storage, TimeProvider clock) : IHealthCheck
{
    /// <summary>Prefix of the probe documents (one per instance, removed after each probe).</summary>
    public const string ProbeKeyPrefix = "certbot/probes/";
    private readonly string _probeKey = ProbeKeyPrefix + Guid.NewGuid().ToString("N");

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            _ = services.GetRequiredService<IOptions<BotFrameworkOptions>>().Value;
        }
        catch (OptionsValidationException ex)
        {
            return HealthCheckResult.Unhealthy("configuration invalid: " + string.Join("; ", ex.Failures));
        }

        var written = clock.GetUtcNow().ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        try
        {
            var etags = await storage.WriteAsync(new Dictionary<string, StoreItem> { [_probeKey] = new(written, StoreETags.Any) }, cancellationToken).ConfigureAwait(false);
            var read = await storage.ReadAsync([_probeKey], cancellationToken).ConfigureAwait(false);
            if (!read.TryGetValue(_probeKey, out var item) || item.Json != written)
            {
                return HealthCheckResult.Unhealthy("storage does not return what was written");
            }

            await storage.DeleteAsync(_probeKey, etags[_probeKey], cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy("storage writable (" + storage.GetType().Name + ")");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (StorageUnavailableException ex)
        {
            // The provider's own words for the fault (a gone or replaced file, a full disk, an unreachable blob
            // store): never ids, data or addresses.
            return HealthCheckResult.Unhealthy(ex.Message);
        }
#pragma warning disable CA1031 // Any store failure means not ready; the message names the kind of failure only.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return HealthCheckResult.Unhealthy("storage not writable: " + ex.GetType().Name);
        }
    }
}

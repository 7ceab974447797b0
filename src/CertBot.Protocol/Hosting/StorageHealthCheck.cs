using CertBot.Protocol.Configuration;
using CertBot.Protocol.State;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CertBot.Protocol.Hosting;

/// <summary>Readiness: the options validate and the state store answers a ping; without both no turn can succeed.</summary>
public sealed class StorageHealthCheck(IServiceProvider services, IStorage storage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            _ = services.GetRequiredService<IOptions<BotFrameworkOptions>>().Value;
            _ = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        }
        catch (OptionsValidationException ex)
        {
            return HealthCheckResult.Unhealthy("configuration invalid: " + string.Join("; ", ex.Failures));
        }

        return await storage.PingAsync(cancellationToken).ConfigureAwait(false)
            ? HealthCheckResult.Healthy("storage answers")
            : HealthCheckResult.Unhealthy(storage is SqliteStorage { Fault: { } fault } ? "storage does not answer: " + fault : "storage does not answer");
    }
}

using CertBot.Protocol.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CertBot.Protocol.Hosting;

/// <summary>Maps the messaging endpoint and the health probes.</summary>
public static class ProtocolEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>BotFramework:MessagesPath</c> (default <c>/api/messages</c>, every method so others get 405),
    /// <c>GET /healthz</c> (checks tagged "live": the process answers) and <c>GET /readyz</c> (every check tagged "ready": 200 when healthy or degraded, 503 when one is unhealthy).
    /// </summary>
    public static IEndpointRouteBuilder MapCertBotProtocol(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var services = endpoints.ServiceProvider;
        var path = services.GetRequiredService<IOptions<BotFrameworkOptions>>().Value.MessagesPath;
        var messages = services.GetRequiredService<MessagesEndpoint>();

        endpoints.Map(path, (RequestDelegate)messages.HandleAsync);
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadinessResponseWriter.LiveTag),
            ResponseWriter = static (context, report) =>
            {
                context.Response.ContentType = "text/plain";
                return context.Response.WriteAsync(report.Status == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy ? "ok" : "not ok", context.RequestAborted);
            },
        });
        endpoints.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadinessResponseWriter.ReadyTag),
            ResponseWriter = ReadinessResponseWriter.WriteAsync,
        });
        return endpoints;
    }
}

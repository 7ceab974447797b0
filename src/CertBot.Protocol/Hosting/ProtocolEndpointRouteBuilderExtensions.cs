using CertBot.Protocol.Configuration;
using CertBot.Protocol.State;
using Microsoft.AspNetCore.Builder;
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
    /// <c>GET /healthz</c> (alive) and <c>GET /readyz</c> (options valid and storage answers → 200, else 503).
    /// </summary>
    public static IEndpointRouteBuilder MapCertBotProtocol(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var services = endpoints.ServiceProvider;
        var path = services.GetRequiredService<IOptions<BotFrameworkOptions>>().Value.MessagesPath;
        var messages = services.GetRequiredService<MessagesEndpoint>();

        endpoints.Map(path, (RequestDelegate)messages.HandleAsync);
        endpoints.MapGet("/healthz", (RequestDelegate)(static context =>
        {
            context.Response.ContentType = "text/plain";
            return context.Response.WriteAsync("ok", context.RequestAborted);
        }));
        endpoints.MapGet("/readyz", (RequestDelegate)(static async context =>
        {
            var ready = IsConfigured(context.RequestServices)
                && await context.RequestServices.GetRequiredService<IStorage>().PingAsync(context.RequestAborted).ConfigureAwait(false);
            context.Response.StatusCode = ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync(ready ? "ready" : "not ready", context.RequestAborted).ConfigureAwait(false);
        }));
        return endpoints;
    }

    private static bool IsConfigured(IServiceProvider services)
    {
        try
        {
            _ = services.GetRequiredService<IOptions<BotFrameworkOptions>>().Value;
            _ = services.GetRequiredService<IOptions<StorageOptions>>().Value;
            return true;
        }
        catch (OptionsValidationException)
        {
            return false;
        }
    }
}

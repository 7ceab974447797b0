using CertBot.Protocol;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace CertBot.Hosting;

/// <summary>Web host set-up: where to listen (loopback only in local mode) and telemetry.</summary>
public static class HostingExtensions
{
    public static WebApplicationBuilder AddCertBotHosting(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var localMode = string.IsNullOrWhiteSpace(builder.Configuration["MicrosoftAppId"]);
        var urls = LocalModeBinding.ResolveUrls(builder.Configuration, localMode);
        if (urls is not null)
        {
            builder.WebHost.UseUrls(urls);
        }

        builder.Services.AddHostedService<StartupAnnouncer>();
        var startGate = new HostStartErrorGate();
        builder.Logging.AddFilter(HostStartErrorGate.HostCategory, startGate.Allows);
        builder.Services.AddSingleton<IHostedService>(startGate);

        // Telemetry is exported only when an OTLP endpoint is configured (standard OTEL_* variables).
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry()
                .WithTracing(tracing => tracing.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddOtlpExporter())
                .WithMetrics(metrics => metrics.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddOtlpExporter());
        }

        return builder;
    }

    /// <summary>Maps the Bot Framework endpoint (/api/messages) and the health probes.</summary>
    public static WebApplication MapCertBotEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapCertBotProtocol();
        return app;
    }
}

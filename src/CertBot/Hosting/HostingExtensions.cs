using CertBot.Protocol;
using CertBot.Protocol.Diagnostics;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
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

        // Traces, metrics and logs are exported only when an OTLP endpoint is configured (the standard OTEL_*
        // settings: OTEL_EXPORTER_OTLP_ENDPOINT, _PROTOCOL, _HEADERS, OTEL_SERVICE_NAME, OTEL_METRIC_EXPORT_INTERVAL).
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            var otel = builder.Services.AddOpenTelemetry();
            if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_SERVICE_NAME"]))
            {
                otel.ConfigureResource(resource => resource.AddService("certbot"));
            }

            otel.WithTracing(tracing => tracing.AddSource(CertBotTelemetry.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddOtlpExporter())
                .WithMetrics(metrics => metrics.AddMeter(CertBotTelemetry.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddOtlpExporter())
                .WithLogging(logging => logging.AddOtlpExporter());
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

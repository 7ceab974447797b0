using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using CertBot.Protocol.Diagnostics;
using CertBot.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CertBot.Tests.Hosting;

/// <summary>A turn through the real host produces CertBot's spans and metrics, and OTLP exports them with the logs.</summary>
public sealed class TelemetryTests(CertBotServerFixture fixture) : IClassFixture<CertBotServerFixture>
{
    private readonly CertBotServer _server = fixture.Server;

    [Fact]
    public async Task FaqTurn_Listened_RecordsTurnSpanWithOneChildPerPhase()
    {
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == CertBotTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        var chat = new TestChat(_server);
        var message = chat.Activity("message", a => a["text"] = "Do I need a cert to get hired?");

        await _server.ExpectRepliesAsync(message);

        var turn = Assert.Single(stopped, a => a.OperationName == "certbot.turn" && (string?)a.GetTagItem("certbot.activity.id") == (string?)message["id"]);
        Assert.Equal("message", turn.GetTagItem("certbot.activity.type"));
        Assert.Equal(FaqOutcomes.Answered, turn.GetTagItem("certbot.faq.outcome"));
        Assert.Equal(UnderstandingPaths.Lexical, turn.GetTagItem("certbot.understanding.faq"));
        var phases = stopped.Where(a => a.ParentSpanId == turn.SpanId).OrderBy(a => a.StartTimeUtc).Select(a => a.OperationName).ToList();
        Assert.Equal(["certbot.turn.lock", "certbot.turn.load", "certbot.turn.bot", "certbot.turn.save"], phases);
        Assert.All(stopped.Where(a => a.ParentSpanId == turn.SpanId), phase => Assert.InRange(phase.StartTimeUtc, turn.StartTimeUtc, turn.StartTimeUtc + turn.Duration));
        Assert.DoesNotContain(turn.TagObjects, tag => tag.Value is string value && value.Contains("hired", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("Do I need a cert to get hired?", FaqOutcomes.Answered, UnderstandingPaths.Lexical)]
    [InlineData("what's the weather in paris tomorrow", FaqOutcomes.Abstained, UnderstandingPaths.Abstained)]
    public async Task FaqTurn_Measured_RecordsPhasesOutcomeAndUnderstandingPath(string text, string outcome, string path)
    {
        var meter = _server.Services.GetRequiredService<CertBotTelemetry>().Meter;
        var measurements = new ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (ReferenceEquals(instrument.Meter, meter))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => measurements.Enqueue((instrument.Name, value, ToDictionary(tags))));
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => measurements.Enqueue((instrument.Name, value, ToDictionary(tags))));
        listener.Start();

        await new TestChat(_server).SayAsync(text);

        var phases = measurements.Where(m => m.Instrument == "certbot.turn.duration").Select(m => (string?)m.Tags["certbot.phase"]).ToHashSet();
        Assert.Superset(new HashSet<string?> { TurnPhases.Lock, TurnPhases.Load, TurnPhases.Bot, TurnPhases.Save, TurnPhases.Total }, phases);
        Assert.All(measurements.Where(m => m.Instrument == "certbot.turn.duration"), m => Assert.True(m.Value >= 0));
        Assert.Contains(measurements, m => m.Instrument == "certbot.faq.outcomes" && (string?)m.Tags["certbot.outcome"] == outcome && m.Value == 1);
        Assert.Contains(measurements, m => m.Instrument == "certbot.understanding" && (string?)m.Tags["certbot.path"] == path && (string?)m.Tags["certbot.source"] == "faq");
    }

    [Fact]
    public async Task Otlp_EndpointConfigured_ExportsTracesMetricsAndLogs()
    {
        await using var collector = await OtlpCollector.StartAsync();
        var server = await CertBotServer.StartAsync(
            null,
            $"--OTEL_EXPORTER_OTLP_ENDPOINT={collector.Endpoint}",
            "--OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf",
            "--OTEL_METRIC_EXPORT_INTERVAL=200",
            "--Logging:LogLevel:CertBot=Information");
        try
        {
            await new TestChat(server).SayAsync("Do I need a cert to get hired?");
        }
        finally
        {
            // Stopping the host flushes every exporter.
            await server.DisposeAsync();
        }

        Assert.Contains("/v1/traces", collector.Paths);
        Assert.Contains("/v1/metrics", collector.Paths);
        Assert.Contains("/v1/logs", collector.Paths);
        Assert.True(collector.Bodies.Any(body => body.AsSpan().IndexOf("certbot.turn"u8) >= 0), "no exported span is named certbot.turn");
        Assert.True(collector.Bodies.Any(body => body.AsSpan().IndexOf("certbot.turn.duration"u8) >= 0), "no exported metric is certbot.turn.duration");
    }

    private static Dictionary<string, object?> ToDictionary(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            result[tag.Key] = tag.Value;
        }

        return result;
    }

    /// <summary>An OTLP/HTTP receiver on loopback that keeps what each signal path received.</summary>
    private sealed class OtlpCollector : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private OtlpCollector(WebApplication app) => _app = app;

        public ConcurrentQueue<string> Paths { get; } = new();

        public ConcurrentQueue<byte[]> Bodies { get; } = new();

        public string Endpoint => _app.Urls.First();

        public static async Task<OtlpCollector> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
            var app = builder.Build();
            var collector = new OtlpCollector(app);
            app.MapPost("/v1/{signal}", async (HttpContext context) =>
            {
                using var body = new MemoryStream();
                await context.Request.Body.CopyToAsync(body);
                collector.Paths.Enqueue(context.Request.Path.Value!);
                collector.Bodies.Enqueue(body.ToArray());
                context.Response.ContentType = "application/x-protobuf";
            });
            await app.StartAsync();
            return collector;
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}

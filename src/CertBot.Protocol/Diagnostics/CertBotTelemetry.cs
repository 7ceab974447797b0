using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CertBot.Protocol.Diagnostics;

/// <summary>
/// CertBot's one <see cref="ActivitySource"/> and one <see cref="Meter"/>, both named <see cref="Name"/>, with every
/// instrument the bot records: turn duration by phase, how messages were understood, FAQ outcomes, Connector retries
/// and the outbox depth. It lives in the protocol library because the turn pipeline records here and the host builds
/// on it; nothing is recorded when no listener (OpenTelemetry, dotnet-counters, a test) is attached. Tags never carry
/// message text, names, user or conversation ids.
/// </summary>
public sealed class CertBotTelemetry : IDisposable
{
    public const string Name = "CertBot";

    private readonly Histogram<double> _turnDuration;
    private readonly Counter<long> _understanding;
    private readonly Counter<long> _faqOutcomes;
    private readonly Counter<long> _connectorRetries;
    private readonly Gauge<long> _outboxDepth;
    private readonly TimeProvider _time;

    public CertBotTelemetry(IMeterFactory meters, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _time = time;
        Source = new ActivitySource(Name);
        Meter = meters.Create(Name);
        _turnDuration = Meter.CreateHistogram<double>(
            "certbot.turn.duration", "s", "Time a turn spends in each phase (lock wait, state load, bot, state save) and in total.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5] });
        _understanding = Meter.CreateCounter<long>(
            "certbot.understanding", "{message}", "Messages by the path that understood them: lexical, semantic or abstained.");
        _faqOutcomes = Meter.CreateCounter<long>(
            "certbot.faq.outcomes", "{question}", "FAQ questions by outcome: answered, not-held, suggested (did-you-mean) or abstained.");
        _connectorRetries = Meter.CreateCounter<long>(
            "certbot.connector.retries", "{retry}", "Connector calls retried after 429, 412 or 5xx.");
        _outboxDepth = Meter.CreateGauge<long>(
            "certbot.outbox.depth", "{activity}", "Outgoing activities waiting to be delivered to the Connector.");
    }

    /// <summary>Spans: <c>certbot.turn</c> with one child per phase, and whatever the host adds.</summary>
    public ActivitySource Source { get; }

    public Meter Meter { get; }

    /// <summary>Starts timing a turn; dispose it when the turn ends.</summary>
    public TurnTelemetry StartTurn(string? activityType, string? activityId)
    {
        var activity = Source.StartActivity("certbot.turn", ActivityKind.Internal);
        if (activity is not null)
        {
            activity.SetTag("certbot.activity.type", activityType);
            activity.SetTag("certbot.activity.id", activityId);
        }

        return new TurnTelemetry(this, activity, activityType, _time.GetTimestamp());
    }

    /// <summary>How a message was understood (<see cref="UnderstandingPaths"/>), also tagged on the current span.</summary>
    public void RecordUnderstanding(string path, string source)
    {
        _understanding.Add(1, new KeyValuePair<string, object?>("certbot.path", path), new KeyValuePair<string, object?>("certbot.source", source));
        Activity.Current?.SetTag("certbot.understanding." + source, path);
    }

    /// <summary>What became of an FAQ question (<see cref="FaqOutcomes"/>).</summary>
    public void RecordFaqOutcome(string outcome)
    {
        _faqOutcomes.Add(1, new KeyValuePair<string, object?>("certbot.outcome", outcome));
        Activity.Current?.SetTag("certbot.faq.outcome", outcome);
    }

    /// <summary>One retry of a Connector call; <paramref name="status"/> is the HTTP status that caused it, if any.</summary>
    public void RecordConnectorRetry(int? status) =>
        _connectorRetries.Add(1, new KeyValuePair<string, object?>("http.response.status_code", status));

    /// <summary>The number of outgoing activities waiting in the outbox now; call whenever it changes.</summary>
    public void RecordOutboxDepth(long depth) => _outboxDepth.Record(depth);

    internal void RecordPhase(string phase, string? activityType, TimeSpan elapsed) =>
        _turnDuration.Record(
            elapsed.TotalSeconds,
            new KeyValuePair<string, object?>("certbot.phase", phase),
            new KeyValuePair<string, object?>("certbot.activity.type", activityType));

    internal TimeSpan Elapsed(long since, out long now)
    {
        now = _time.GetTimestamp();
        return _time.GetElapsedTime(since, now);
    }

    public void Dispose()
    {
        Source.Dispose();
        Meter.Dispose();
    }
}

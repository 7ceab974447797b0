using System.Diagnostics;

namespace CertBot.Protocol.Diagnostics;

/// <summary>
/// Times one turn: each <see cref="Completed"/> records the phase just finished (metric and a child span that starts
/// where the previous phase ended); disposing records the total and ends the <c>certbot.turn</c> span. A class, not a
/// struct: the adapter starts it and the <see cref="Hosting.TurnRunner"/> records the phases it runs.
/// </summary>
public sealed class TurnTelemetry : IDisposable
{
    private readonly CertBotTelemetry _owner;
    private readonly Activity? _activity;
    private readonly string? _activityType;
    private readonly long _started;
    private long _phaseStarted;
    private DateTimeOffset _phaseStartedAt;

    internal TurnTelemetry(CertBotTelemetry owner, Activity? activity, string? activityType, long started)
    {
        _owner = owner;
        _activity = activity;
        _activityType = activityType;
        _started = started;
        _phaseStarted = started;
        _phaseStartedAt = activity?.StartTimeUtc ?? default;
    }

    /// <summary>Records the phase that just ended (<see cref="TurnPhases"/>).</summary>
    public void Completed(string phase)
    {
        var elapsed = _owner.Elapsed(_phaseStarted, out var now);
        _owner.RecordPhase(phase, _activityType, elapsed);
        if (_activity is not null)
        {
            // A span per phase, made once the phase is over: no span is left open across an await.
            // Starting it makes it current and stopping it would clear the turn span, so the current span is put back.
            var current = Activity.Current;
            var end = _phaseStartedAt + elapsed;
            using (var child = _owner.Source.StartActivity("certbot.turn." + phase, ActivityKind.Internal, _activity.Context, startTime: _phaseStartedAt))
            {
                child?.SetEndTime(end.UtcDateTime);
            }

            Activity.Current = current;
            _phaseStartedAt = end;
        }

        _phaseStarted = now;
    }

    /// <summary>Marks the turn as failed (the bot apologised).</summary>
    public void Failed(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        _activity?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
    }

    public void Dispose()
    {
        _owner.RecordPhase(TurnPhases.Total, _activityType, _owner.Elapsed(_started, out _));
        _activity?.Dispose();
    }
}

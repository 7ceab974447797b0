namespace CertBot.Protocol.Hosting;

/// <summary>
/// The time budget of the request (or outbox delivery) being served, visible to everything it calls: the send path,
/// the token request and the Connector's retry pipeline read how much is left without a deadline threaded through
/// every public signature. The deadline flows with the async call chain the way <c>HttpContext</c> does (an
/// <see cref="AsyncLocal{T}"/> held by this singleton, so nothing static), and a nested budget never outlives the
/// one it runs in.
/// </summary>
public sealed class TurnBudget(TimeProvider clock)
{
    private readonly AsyncLocal<TurnDeadline?> _current = new();

    public TimeProvider Clock => clock;

    /// <summary>The deadline of the current flow, or null outside any budget.</summary>
    public TurnDeadline? Current => _current.Value;

    /// <summary>
    /// Starts a budget of <paramref name="timeout"/> from now; sends stop <paramref name="reserve"/> before its end so
    /// unsent replies can still be queued and state written. Dispose to restore the outer budget.
    /// </summary>
    public IDisposable Begin(TimeSpan timeout, TimeSpan reserve)
    {
        var now = clock.GetUtcNow();
        var ends = now + timeout;
        var outer = _current.Value;
        if (outer is not null && outer.Ends < ends)
        {
            ends = outer.Ends;
        }

        var sendsEnd = ends - reserve;
        var deadline = new TurnDeadline(now, ends, sendsEnd < now ? now : sendsEnd);
        _current.Value = deadline;
        return new Restore(this, outer);
    }

    /// <summary>Time left for the whole budget (null outside one; never negative).</summary>
    public TimeSpan? Left => Current is { } d ? Positive(d.Ends - clock.GetUtcNow()) : null;

    /// <summary>Time left for outgoing calls (null outside a budget; never negative).</summary>
    public TimeSpan? SendTimeLeft => Current is { } d ? Positive(d.SendsEnd - clock.GetUtcNow()) : null;

    /// <summary>
    /// A token cancelled when <paramref name="outer"/> is, or when the time for sends is up (or after
    /// <paramref name="fallback"/> outside any budget, so a call is never unbounded).
    /// </summary>
    public BudgetToken ForSends(TimeSpan fallback, CancellationToken outer) => new(SendTimeLeft ?? fallback, clock, outer);

    /// <summary>A token cancelled when <paramref name="outer"/> is or when the whole budget is spent.</summary>
    public BudgetToken ForTurn(TimeSpan fallback, CancellationToken outer) => new(Left ?? fallback, clock, outer);

    /// <summary>
    /// A token cancelled when <paramref name="outer"/> is, after <paramref name="limit"/>, or when the whole budget is
    /// spent, whichever comes first: one call with a small bound of its own that must still end within the budget.
    /// </summary>
    public BudgetToken ForCall(TimeSpan limit, CancellationToken outer) => new(Left is { } left && left < limit ? left : limit, clock, outer);

    private static TimeSpan Positive(TimeSpan value) => value > TimeSpan.Zero ? value : TimeSpan.Zero;

    private sealed class Restore(TurnBudget owner, TurnDeadline? outer) : IDisposable
    {
        public void Dispose() => owner._current.Value = outer;
    }
}

/// <summary>When a budget started, when it ends, and when outgoing calls must stop.</summary>
public sealed record TurnDeadline(DateTimeOffset Started, DateTimeOffset Ends, DateTimeOffset SendsEnd);

/// <summary>A cancellation token bounded by a caller's token and a time limit; tells which of the two fired.</summary>
public sealed class BudgetToken : IDisposable
{
    private readonly CancellationTokenSource _timer;
    private readonly CancellationTokenSource _linked;
    private readonly CancellationToken _outer;

    internal BudgetToken(TimeSpan limit, TimeProvider clock, CancellationToken outer)
    {
        _outer = outer;
        _timer = limit > TimeSpan.Zero ? new CancellationTokenSource(limit, clock) : new CancellationTokenSource();
        if (limit <= TimeSpan.Zero)
        {
            _timer.Cancel();
        }

        _linked = CancellationTokenSource.CreateLinkedTokenSource(outer, _timer.Token);
    }

    public CancellationToken Token => _linked.Token;

    /// <summary>True when the time limit, not the caller, cancelled the token.</summary>
    public bool TimedOut => _timer.IsCancellationRequested && !_outer.IsCancellationRequested;

    public void Dispose()
    {
        _linked.Dispose();
        _timer.Dispose();
    }
}

using Microsoft.Extensions.Time.Testing;

namespace CertBot.Testing;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that also says when code starts waiting on it: every timer set to fire
/// (<c>Task.Delay</c>, a <c>CancellationTokenSource</c> timeout, a Polly delay or timeout) is recorded with its due time.
/// Tests advance time only once the wait they mean is set, so no step can land before the code under test is waiting
/// (which would push that wait past the step), and "it waits exactly this long" is something a test can assert.
/// Starts at the real current time, so tokens minted with the system clock are valid on it.
/// </summary>
public sealed class ObservableClock : FakeTimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<TimeSpan> _waits = [];
    private readonly List<(int After, Func<TimeSpan, bool> Match, TaskCompletionSource<TimeSpan> Found)> _watchers = [];

    public ObservableClock()
        : base(DateTimeOffset.UtcNow)
    {
    }

    /// <summary>How many waits have been set so far: pass it to <see cref="NextWaitAsync"/> to look only at later ones.</summary>
    public int WaitsSet
    {
        get
        {
            lock (_gate)
            {
                return _waits.Count;
            }
        }
    }

    /// <summary>
    /// The due time of the first wait, among those set after the first <paramref name="after"/> ones, that
    /// <paramref name="match"/> accepts; completes as soon as one is set. Fails after <paramref name="within"/> of real
    /// time (a safety net: the code never started that wait).
    /// </summary>
    public async Task<TimeSpan> NextWaitAsync(Func<TimeSpan, bool> match, int after = 0, TimeSpan? within = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(match);
        var found = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            for (var i = after; i < _waits.Count; i++)
            {
                if (match(_waits[i]))
                {
                    return _waits[i];
                }
            }

            _watchers.Add((after, match, found));
        }

        try
        {
            return await found.Task.WaitAsync(within ?? TimeSpan.FromSeconds(30), cancellationToken);
        }
        catch (TimeoutException)
        {
            lock (_gate)
            {
                throw new TimeoutException($"No matching wait was set; waits set since #{after}: {string.Join(", ", _waits.Skip(after))}");
            }
        }
    }

    /// <summary>Waits until a wait of exactly <paramref name="due"/> is set (after the first <paramref name="after"/>), then moves time by it.</summary>
    public async Task AdvanceWhenWaitingAsync(TimeSpan due, int after = 0)
    {
        await NextWaitAsync(d => d == due, after);
        Advance(due);
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new WatchedTimer(base.CreateTimer(callback, state, dueTime, period), this);
        Set(dueTime);
        return timer;
    }

    private void Set(TimeSpan dueTime)
    {
        if (dueTime == Timeout.InfiniteTimeSpan)
        {
            return;
        }

        List<TaskCompletionSource<TimeSpan>> found = [];
        lock (_gate)
        {
            _waits.Add(dueTime);
            var index = _waits.Count - 1;
            foreach (var watcher in _watchers.Where(w => index >= w.After && w.Match(dueTime)).ToList())
            {
                _watchers.Remove(watcher);
                found.Add(watcher.Found);
            }
        }

        foreach (var tcs in found)
        {
            tcs.TrySetResult(dueTime);
        }
    }

    /// <summary>Passes everything to the fake timer and reports each re-arm (a <c>CancelAfter</c> on a pooled source).</summary>
    private sealed class WatchedTimer(ITimer inner, ObservableClock owner) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var changed = inner.Change(dueTime, period);
            owner.Set(dueTime);
            return changed;
        }

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}

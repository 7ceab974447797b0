namespace CertBot.Protocol.Tests.Infrastructure;

/// <summary>
/// Raised by whatever changes a state other threads work on (a store call held, a log line written, the outbox's depth
/// recorded); a test waits for a condition on that state by checking it again at each change: a signal, not a poll.
/// </summary>
public sealed class ChangeSignal
{
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the next <see cref="Raise"/>: take it before looking at the state, so no change is missed.</summary>
    public Task Next => Volatile.Read(ref _changed).Task;

    public void Raise() => Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>
    /// Completes with true once <paramref name="condition"/> holds, checked now and after each change any of
    /// <paramref name="changes"/> reports; false when <paramref name="within"/> of real time (a safety net, never what
    /// makes the condition come true) passed first.
    /// </summary>
    public static async Task<bool> UntilAsync(Func<bool> condition, TimeSpan within, params Func<Task>[] changes)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(changes);
        using var safety = new CancellationTokenSource(within);
        while (true)
        {
            var changed = Task.WhenAny(changes.Select(next => next()));
            if (condition())
            {
                return true;
            }

            try
            {
                await changed.WaitAsync(safety.Token);
            }
            catch (OperationCanceledException) when (safety.IsCancellationRequested)
            {
                return condition();
            }
        }
    }
}

namespace CertBot.Tests.ScaleOut;

/// <summary>
/// How many updates the load's workers have seen acknowledged so far, and a wait for a mark: completed by the worker
/// whose acknowledgement reaches it, so a test waits for the load's progress without polling it.
/// </summary>
internal sealed class AcknowledgedCount
{
    private readonly Lock _gate = new();
    private readonly List<(int Mark, TaskCompletionSource Reached)> _waits = [];
    private int _count;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    /// <summary>The worker's acknowledgement is in: the count is now <paramref name="count"/> (never lowered).</summary>
    public void Report(int count)
    {
        List<TaskCompletionSource> reached;
        lock (_gate)
        {
            _count = Math.Max(_count, count);
            reached = [.. _waits.Where(w => w.Mark <= _count).Select(w => w.Reached)];
            _waits.RemoveAll(w => w.Mark <= _count);
        }

        foreach (var tcs in reached)
        {
            tcs.TrySetResult();
        }
    }

    /// <summary>Completes once the count is at least <paramref name="mark"/>.</summary>
    public Task ReachedAsync(int mark)
    {
        lock (_gate)
        {
            if (_count >= mark)
            {
                return Task.CompletedTask;
            }

            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waits.Add((mark, reached));
            return reached.Task;
        }
    }
}

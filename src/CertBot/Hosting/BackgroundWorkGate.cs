namespace CertBot.Hosting;

/// <summary>
/// Opens shortly after the host is listening (Embeddings:StartDelay) (or, for tools that never start it, when they ask for the models): the embedding
/// model and the indexes built from it load after that, so on a small machine they do not compete with the content
/// load and the first request for the CPU.
/// </summary>
public sealed class BackgroundWorkGate : IDisposable
{
    private readonly TaskCompletionSource _opened = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ITimer? _timer;

    /// <summary>Completes when background work may start.</summary>
    public Task Opened => _opened.Task;

    public void Open() => _opened.TrySetResult();

    /// <summary>Opens after <paramref name="delay"/> on <paramref name="time"/> (at once for zero).</summary>
    public void OpenAfter(TimeSpan delay, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        if (delay <= TimeSpan.Zero)
        {
            Open();
            return;
        }

        // Held by the gate: a timer nothing references may be collected before it fires.
        _timer = time.CreateTimer(static gate => ((BackgroundWorkGate)gate!).Open(), this, delay, Timeout.InfiniteTimeSpan);
    }

    public void Dispose() => _timer?.Dispose();
}

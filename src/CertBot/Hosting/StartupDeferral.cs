namespace CertBot.Hosting;

/// <summary>
/// When start-up work that the first answer does not need may run: once the background gate opens (Embeddings:StartDelay
/// after the host listens, with the embedding model), or as the host starts listening when semantic matching is off and
/// there is no gate. Work done before listening is waited for by the first person; on two cores, work started as the
/// host listens competes with the first request.
/// </summary>
public sealed class StartupDeferral(IHostApplicationLifetime lifetime, BackgroundWorkGate? gate = null)
{
    /// <summary>Completes when deferred start-up work may begin.</summary>
    public Task Allowed => gate?.Opened ?? Listening(lifetime.ApplicationStarted);

    private static Task Listening(CancellationToken started)
    {
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        started.Register(() => listening.TrySetResult());
        return listening.Task;
    }
}

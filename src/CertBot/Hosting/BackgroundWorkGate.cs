namespace CertBot.Hosting;

/// <summary>
/// Opens once the host is listening (or, for tools that never start it, when they ask for the models): the embedding
/// model and the indexes built from it load after that, so on a small machine they do not compete with the content
/// load and the first request for the CPU.
/// </summary>
public sealed class BackgroundWorkGate
{
    private readonly TaskCompletionSource _opened = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when background work may start.</summary>
    public Task Opened => _opened.Task;

    public void Open() => _opened.TrySetResult();
}

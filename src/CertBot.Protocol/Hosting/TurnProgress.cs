namespace CertBot.Protocol.Hosting;

/// <summary>
/// How far a turn got, for the <see cref="CloudAdapter"/> when the turn overran its budget and is answered without
/// waiting for it: whether its state is saved, and whether it is waiting on the store (its last state load or save
/// has not answered). A turn cut while waiting on the store is the store's failure (503, retry later), not the bot's.
/// </summary>
internal sealed class TurnProgress
{
    private volatile bool _committed;
    private volatile bool _awaitingStore;

    /// <summary>The turn's state is saved: it must not run again.</summary>
    public bool Committed => _committed;

    /// <summary>A state load or save was started and has not answered (an error from the store leaves it set).</summary>
    public bool AwaitingStore => _awaitingStore;

    public void MarkCommitted() => _committed = true;

    /// <summary>Called before each state load and save; <see cref="StoreAnswered"/> once the call returned or lost a race.</summary>
    public void StoreCallStarted() => _awaitingStore = true;

    public void StoreAnswered() => _awaitingStore = false;
}

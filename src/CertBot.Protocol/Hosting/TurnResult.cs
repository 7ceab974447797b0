using CertBot.Protocol.Schema;

namespace CertBot.Protocol.Hosting;

/// <summary>
/// Outcome of a turn: the replies buffered for <c>expectReplies</c> (empty otherwise), the invoke response (null
/// for non-invokes; 501 when no handler set one), whether the turn failed (the user then got an apology) and whether
/// its state was saved (a turn can be saved and still fail to deliver its replies; it must not run again).
/// <see cref="StorageUnavailable"/>: it failed because state could not be read or written (answered 503, not 500).
/// </summary>
public sealed record TurnResult(
    IReadOnlyList<Activity> Replies, InvokeResponse? InvokeResponse, bool Faulted = false, bool Committed = false, bool StorageUnavailable = false);

using CertBot.Protocol.Schema;

namespace CertBot.Protocol.Hosting;

/// <summary>
/// Outcome of a turn: the replies buffered for <c>expectReplies</c> (empty otherwise), the invoke response (null
/// for non-invokes; 501 when no handler set one) and whether the turn failed (the user then got an apology).
/// <see cref="StorageUnavailable"/>: it failed because state could not be read or written (answered 503, not 500).
/// </summary>
public sealed record TurnResult(IReadOnlyList<Activity> Replies, InvokeResponse? InvokeResponse, bool Faulted = false, bool StorageUnavailable = false);

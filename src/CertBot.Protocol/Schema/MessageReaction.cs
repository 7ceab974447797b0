namespace CertBot.Protocol.Schema;

/// <summary>A reaction (<c>like</c>, <c>heart</c>, …) added to or removed from a bot message.</summary>
public sealed record MessageReaction(string? Type);

namespace CertBot.Protocol.Schema;

/// <summary>Enough of a conversation to send into it later (proactive messages).</summary>
public sealed record ConversationReference(
    string? ChannelId,
    string? ServiceUrl,
    ConversationAccount? Conversation,
    ChannelAccount? Bot,
    ChannelAccount? User,
    string? ActivityId,
    string? Locale);

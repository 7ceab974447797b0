using CertBot.Protocol.Schema;

namespace CertBot.Protocol.State;

/// <summary>
/// The conversation reference kept in the store (key <c>{channelId}/references/{conversationId}</c>), with whether its
/// service URL came from a validated channel token, so any instance, or this one after a restart, may send the bot's
/// token there for a proactive message.
/// </summary>
public sealed record StoredConversationReference(ConversationReference Reference, bool ServiceUrlValidated);

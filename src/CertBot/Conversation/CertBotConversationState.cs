namespace CertBot.Conversation;

/// <summary>What CertBot keeps about one conversation.</summary>
public sealed class CertBotConversationState
{
    /// <summary>Set once the welcome card was sent, so conversationUpdate and installationUpdate never welcome twice.</summary>
    public bool Welcomed { get; set; }
}

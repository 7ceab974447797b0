using CertBot.Dialogs;

namespace CertBot.Conversation;

/// <summary>What CertBot keeps about one person (keyed by channel and user id); "forget me" deletes it all.</summary>
public sealed class CertBotUserState
{
    /// <summary>The profile interview, kept per person so it can move from a channel to their personal chat.</summary>
    public DialogState? Dialog { get; set; }
}

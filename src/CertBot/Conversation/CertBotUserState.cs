using CertBot.Dialogs;

namespace CertBot.Conversation;

/// <summary>What CertBot keeps about one person (keyed by channel and user id); "forget me" deletes it all.</summary>
public sealed class CertBotUserState
{
    /// <summary>
    /// The profile interview, kept per person so it can move from a channel to their personal chat. Stored in the
    /// dialog library's own format (string enums), which also reads documents stored with a numeric status.
    /// </summary>
    [System.Text.Json.Serialization.JsonConverter(typeof(DialogStateJsonConverter))]
    public DialogState? Dialog { get; set; }
}

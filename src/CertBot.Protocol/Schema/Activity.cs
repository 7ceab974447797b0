using System.Text.Json;
using System.Text.Json.Serialization;

namespace CertBot.Protocol.Schema;

/// <summary>The Bot Framework activity: the one object every channel exchange carries.</summary>
public sealed class Activity
{
    public string? Type { get; set; }
    public string? Id { get; set; }
    public DateTimeOffset? Timestamp { get; set; }
    public DateTimeOffset? LocalTimestamp { get; set; }
    public string? LocalTimezone { get; set; }
    public string? ServiceUrl { get; set; }
    public string? ChannelId { get; set; }
    public ChannelAccount? From { get; set; }
    public ChannelAccount? Recipient { get; set; }
    public ConversationAccount? Conversation { get; set; }
    public string? ReplyToId { get; set; }
    public string? Text { get; set; }
    public string? TextFormat { get; set; }
    public string? Locale { get; set; }
    public IList<Attachment>? Attachments { get; set; }
    public string? AttachmentLayout { get; set; }
    public IList<Entity>? Entities { get; set; }
    public JsonElement? ChannelData { get; set; }
    public JsonElement? Value { get; set; }
    public string? Name { get; set; }
    public string? Action { get; set; }
    public IList<ChannelAccount>? MembersAdded { get; set; }
    public IList<ChannelAccount>? MembersRemoved { get; set; }
    public IList<MessageReaction>? ReactionsAdded { get; set; }
    public IList<MessageReaction>? ReactionsRemoved { get; set; }
    public SuggestedActions? SuggestedActions { get; set; }
    public string? InputHint { get; set; }
    public string? DeliveryMode { get; set; }
    public string? Summary { get; set; }
    public string? Importance { get; set; }
    public string? Speak { get; set; }
    public string? CallerId { get; set; }

    /// <summary>Set once the bot's own mentions were removed from <see cref="Text"/>, so a turn pays for it once.</summary>
    [JsonIgnore]
    internal bool RecipientMentionRemoved { get; set; }

    /// <summary>Properties this model does not name; kept so nothing is lost on a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; set; }
}

using CertBot.Protocol.Schema;

namespace CertBot.Protocol.Hosting;

/// <summary>Bot Framework SDK-style helpers on <see cref="Activity"/>: mentions, replies, conversation references.</summary>
public static class ActivityExtensions
{
    /// <summary>The activity's <c>mention</c> entities (entity type compared case-insensitively).</summary>
    public static IReadOnlyList<Entity> GetMentions(this Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Entities is not { Count: > 0 } entities)
        {
            return [];
        }

        return entities.Where(e => e is not null && string.Equals(e.Type, "mention", StringComparison.OrdinalIgnoreCase)).ToList();
    }

    /// <summary>
    /// Removes every mention of the recipient (the bot) from <see cref="Activity.Text"/>, as the SDK does: each
    /// mention entity whose <c>mentioned.id</c> equals <c>recipient.id</c> has its text (or <c>&lt;at&gt;name&lt;/at&gt;</c>)
    /// removed case-insensitively, then the text is trimmed. Mentions of others stay. Returns the new text.
    /// Linear in the text: each distinct mention text is removed in one pass, and at most
    /// <see cref="MaxDistinctRecipientMentions"/> distinct texts are considered (a real message names the bot one way);
    /// a second call on the same activity returns the text at once.
    /// </summary>
    public static string? RemoveRecipientMention(this Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var recipientId = activity.Recipient?.Id;
        if (activity.RecipientMentionRemoved || activity.Text is null || string.IsNullOrEmpty(recipientId) || activity.Entities is not { Count: > 0 } entities)
        {
            return activity.Text;
        }

        var mentionTexts = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var mention in entities)
        {
            if (mention is null
                || !string.Equals(mention.Type, "mention", StringComparison.OrdinalIgnoreCase)
                || !string.Equals(mention.Mentioned?.Id, recipientId, StringComparison.Ordinal))
            {
                continue;
            }

            var mentionText = mention.Text ?? (mention.Mentioned?.Name is { Length: > 0 } name ? $"<at>{name}</at>" : null);
            if (!string.IsNullOrEmpty(mentionText) && mentionTexts.Add(mentionText) && mentionTexts.Count == MaxDistinctRecipientMentions)
            {
                break;
            }
        }

        var text = activity.Text;
        foreach (var mentionText in mentionTexts)
        {
            text = text.Replace(mentionText, string.Empty, StringComparison.OrdinalIgnoreCase);
        }

        if (mentionTexts.Count > 0)
        {
            activity.Text = text.Trim();
        }

        activity.RecipientMentionRemoved = true;
        return activity.Text;
    }

    /// <summary>How many distinct texts of the bot's own mention one message may carry and have removed.</summary>
    public const int MaxDistinctRecipientMentions = 8;

    /// <summary>What to store to message this conversation later (proactive sends).</summary>
    public static ConversationReference GetConversationReference(this Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return new ConversationReference(
            activity.ChannelId,
            activity.ServiceUrl,
            activity.Conversation,
            activity.Recipient,
            activity.From,
            // As in the SDK: a conversationUpdate id cannot be replied to, so it is not kept.
            activity.Type is ActivityTypes.ConversationUpdate ? null : activity.Id,
            activity.Locale);
    }

    /// <summary>A message answering this activity: from/recipient swapped, same conversation, replyToId = this id.</summary>
    public static Activity CreateReply(this Activity activity, string? text = null)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return new Activity
        {
            Type = ActivityTypes.Message,
            Text = text,
            ChannelId = activity.ChannelId,
            ServiceUrl = activity.ServiceUrl,
            From = activity.Recipient is null ? null : new ChannelAccount { Id = activity.Recipient.Id, Name = activity.Recipient.Name },
            Recipient = activity.From is null ? null : new ChannelAccount { Id = activity.From.Id, Name = activity.From.Name, AadObjectId = activity.From.AadObjectId },
            Conversation = CopyConversation(activity.Conversation),
            ReplyToId = activity.Id,
            Locale = activity.Locale,
        };
    }

    /// <summary>Fills the routing fields of an outgoing activity from a conversation reference, keeping what is set.</summary>
    public static Activity ApplyConversationReference(this Activity activity, ConversationReference reference)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(reference);
        activity.ChannelId ??= reference.ChannelId;
        activity.ServiceUrl ??= reference.ServiceUrl;
        activity.Conversation ??= CopyConversation(reference.Conversation);
        activity.From ??= reference.Bot;
        activity.Recipient ??= reference.User;
        return activity;
    }

    // Outbound activities carry only the conversation's id and tenant; isGroup/conversationType are the channel's.
    internal static ConversationAccount? CopyConversation(ConversationAccount? conversation) =>
        conversation is null ? null : new ConversationAccount { Id = conversation.Id, TenantId = conversation.TenantId };
}

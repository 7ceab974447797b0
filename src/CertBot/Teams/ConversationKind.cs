using System.Text.Json;
using CertBot.Protocol.Schema;

namespace CertBot.Teams;

/// <summary>Reads what kind of Teams conversation an activity comes from.</summary>
public static class ConversationKind
{
    /// <summary>True for group chats and channels, where the bot only answers @mentions and answers are public.</summary>
    public static bool IsShared(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var type = activity.Conversation?.ConversationType;
        if (type is not null)
        {
            return !type.Equals("personal", StringComparison.OrdinalIgnoreCase);
        }

        return activity.Conversation?.IsGroup == true;
    }

    /// <summary>The Entra tenant, from channelData.tenant.id or conversation.tenantId.</summary>
    public static string? TenantId(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.ChannelData is { ValueKind: JsonValueKind.Object } data
            && data.TryGetProperty("tenant", out var tenant) && tenant.ValueKind == JsonValueKind.Object
            && tenant.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
        {
            return id.GetString();
        }

        return activity.Conversation?.TenantId;
    }

    /// <summary>True when the activity carries a mention entity for the bot (the recipient).</summary>
    public static bool MentionsBot(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var botId = activity.Recipient?.Id;
        return botId is not null && (activity.Entities ?? []).Any(entity =>
            string.Equals(entity.Type, "mention", StringComparison.OrdinalIgnoreCase)
            && string.Equals(entity.Mentioned?.Id, botId, StringComparison.Ordinal));
    }

    /// <summary>A name to address the person by in shared conversations.</summary>
    public static string DisplayName(Activity activity, string fallback)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return string.IsNullOrWhiteSpace(activity.From?.Name) ? fallback : activity.From.Name;
    }
}

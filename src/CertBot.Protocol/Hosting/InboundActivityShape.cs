using CertBot.Protocol.Schema;

namespace CertBot.Protocol.Hosting;

/// <summary>
/// What an incoming activity must look like before any turn runs: a type, a conversation id, a sender id, a usable
/// serviceUrl (unless replies come back in the body), and every id, name and short field within
/// <c>BotFramework:MaxIdentifierLength</c> (a 100,000-character id would make every reply too large to send).
/// Ids must not hold control characters (they go into Connector URLs and headers).
/// List members that are JSON <c>null</c> (<c>"entities":[null]</c>) carry nothing and are dropped. Wrong JSON types
/// never get here: the deserializer rejects them, and the endpoint answers 400 for both.
/// </summary>
internal static class InboundActivityShape
{
    /// <summary>Why the activity cannot be processed (a sentence for the problem body), or null when it can.</summary>
    public static string? Check(Activity activity, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (string.IsNullOrWhiteSpace(activity.Type))
        {
            return "The activity has no 'type'.";
        }

        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id))
        {
            return "The activity has no 'conversation.id'.";
        }

        if (string.IsNullOrWhiteSpace(activity.From?.Id))
        {
            return "The activity has no 'from.id'.";
        }

        var buffered = string.Equals(activity.DeliveryMode, DeliveryModes.ExpectReplies, StringComparison.Ordinal);
        if (string.IsNullOrWhiteSpace(activity.ServiceUrl))
        {
            if (!buffered)
            {
                return "The activity has no 'serviceUrl'.";
            }
        }
        else if (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl)
                 || (serviceUrl.Scheme != Uri.UriSchemeHttps && serviceUrl.Scheme != Uri.UriSchemeHttp))
        {
            return "The activity's 'serviceUrl' is not an absolute http(s) URL.";
        }

        var tooLong = FirstTooLong(activity, maxLength);
        if (tooLong is not null)
        {
            return $"The activity's '{tooLong}' is longer than {maxLength} characters.";
        }

        var controlled = FirstWithControlCharacter(activity);
        if (controlled is not null)
        {
            return $"The activity's '{controlled}' contains control characters.";
        }

        DropNulls(activity);
        return null;
    }

    // Ids end up in Connector URLs and headers, where a control character makes every reply fail.
    private static string? FirstWithControlCharacter(Activity activity)
    {
        (string? Value, string Name)[] ids =
        [
            (activity.Id, "id"), (activity.ReplyToId, "replyToId"), (activity.ChannelId, "channelId"), (activity.ServiceUrl, "serviceUrl"),
            (activity.Conversation?.Id, "conversation.id"), (activity.From?.Id, "from.id"), (activity.Recipient?.Id, "recipient.id"),
            (activity.Conversation?.TenantId, "conversation.tenantId"),
        ];
        foreach (var (value, name) in ids)
        {
            if (value is not null && value.AsSpan().ContainsAnyInRange('\0', '\u001f'))
            {
                return name;
            }
        }

        return null;
    }

    private static string? FirstTooLong(Activity activity, int max)
    {
        (string? Value, string Name)[] fields =
        [
            (activity.Type, "type"), (activity.Id, "id"), (activity.ReplyToId, "replyToId"), (activity.ChannelId, "channelId"),
            (activity.ServiceUrl, "serviceUrl"), (activity.Locale, "locale"), (activity.Name, "name"), (activity.Action, "action"),
            (activity.DeliveryMode, "deliveryMode"), (activity.TextFormat, "textFormat"), (activity.InputHint, "inputHint"),
            (activity.LocalTimezone, "localTimezone"), (activity.CallerId, "callerId"),
            (activity.Conversation?.Id, "conversation.id"), (activity.Conversation?.Name, "conversation.name"),
            (activity.Conversation?.TenantId, "conversation.tenantId"), (activity.Conversation?.ConversationType, "conversation.conversationType"),
            (activity.Conversation?.AadObjectId, "conversation.aadObjectId"), (activity.Conversation?.Role, "conversation.role"),
        ];
        foreach (var (value, name) in fields)
        {
            if (value?.Length > max)
            {
                return name;
            }
        }

        return TooLong(activity.From, "from", max)
            ?? TooLong(activity.Recipient, "recipient", max)
            ?? activity.MembersAdded?.Select(m => TooLong(m, "membersAdded[]", max)).FirstOrDefault(n => n is not null)
            ?? activity.MembersRemoved?.Select(m => TooLong(m, "membersRemoved[]", max)).FirstOrDefault(n => n is not null);
    }

    private static string? TooLong(ChannelAccount? account, string prefix, int max) => account switch
    {
        null => null,
        { Id.Length: var n } when n > max => prefix + ".id",
        { Name.Length: var n } when n > max => prefix + ".name",
        { AadObjectId.Length: var n } when n > max => prefix + ".aadObjectId",
        { Role.Length: var n } when n > max => prefix + ".role",
        _ => null,
    };

    private static void DropNulls(Activity activity)
    {
        activity.Entities = WithoutNulls(activity.Entities);
        activity.Attachments = WithoutNulls(activity.Attachments);
        activity.MembersAdded = WithoutNulls(activity.MembersAdded);
        activity.MembersRemoved = WithoutNulls(activity.MembersRemoved);
        activity.ReactionsAdded = WithoutNulls(activity.ReactionsAdded);
        activity.ReactionsRemoved = WithoutNulls(activity.ReactionsRemoved);
    }

    private static IList<T>? WithoutNulls<T>(IList<T>? items) where T : class =>
        items is null || !items.Contains(null!) ? items : items.Where(item => item is not null).ToList();
}

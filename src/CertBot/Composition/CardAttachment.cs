using System.Text.Json;
using CertBot.Cards;
using CertBot.Protocol.Schema;

namespace CertBot.Composition;

/// <summary>Wraps an Adaptive Card as a Bot Framework attachment and message.</summary>
public static class CardAttachment
{
    public const string ContentType = AdaptiveCardSerializer.ContentType;

    public static Attachment From(AdaptiveCard card) => new()
    {
        ContentType = ContentType,
        Content = AdaptiveCardSerializer.SerializeToElement(card),
    };

    public static Activity Message(AdaptiveCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return new Activity
        {
            Type = ActivityTypes.Message,
            Attachments = [From(card)],
            // Clients that cannot show cards (and notifications) show this instead.
            Summary = card.FallbackText,
        };
    }

    public static JsonElement Content(AdaptiveCard card) => AdaptiveCardSerializer.SerializeToElement(card);
}

using CertBot.Cards;
using CertBot.Composition;
using CertBot.Protocol.Hosting;
using CertBot.Protocol.Schema;

namespace CertBot.Conversation;

/// <summary>Short ways to answer in the current conversation.</summary>
public static class TurnReplies
{
    public static Task<ResourceResponse> SendTextAsync(this ITurnContext turn, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return turn.SendActivityAsync(Text(text), cancellationToken);
    }

    /// <summary>A plain-text message: wording may echo what people typed, and plain never turns it into markup.</summary>
    public static Activity Text(string text) => new() { Type = ActivityTypes.Message, Text = text, TextFormat = "plain" };

    public static Task<ResourceResponse> SendCardAsync(this ITurnContext turn, AdaptiveCard card, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return turn.SendActivityAsync(CardAttachment.Message(card), cancellationToken);
    }
}

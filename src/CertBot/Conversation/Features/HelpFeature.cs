using CertBot.Cards;
using CertBot.Composition;
using CertBot.Protocol.Hosting;
using CertBot.Teams;

namespace CertBot.Conversation.Features;

/// <summary>
/// What CertBot can do, with examples: reached by "help", "what can you do", the Help button, an empty message and a
/// cancel with nothing to cancel. Its wording is <c>features.help</c>.
/// </summary>
[CardFeature(CardActions.Help, rank: 400)]
public sealed class HelpFeature(Catalogues catalogues) : ICardFeature
{
    public Task RunAsync(ITurnContext turn, CardActionData? button, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return turn.SendCardAsync(Card(catalogues.For(turn).Messages, ConversationKind.IsShared(turn.Activity)), cancellationToken);
    }

    /// <summary>The help card; in group chats and channels it also says how to address the bot.</summary>
    public static AdaptiveCard Card(BotMessages messages, bool isGroup)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var help = messages.Feature(CardActions.Help);
        var body = new List<AdaptiveElement>
        {
            new AdaptiveTextBlock { Id = "help", Text = help.Text("title"), Size = AdaptiveTextSize.Medium, Weight = AdaptiveTextWeight.Bolder, Wrap = true, Style = AdaptiveTextBlockStyle.Heading },
            new AdaptiveTextBlock { Text = help.Text("text"), Wrap = true },
            new AdaptiveTextBlock { Text = messages.Format.Bullets(help.Texts("examples").Select(CardText.Escape)), Wrap = true },
        };
        if (isGroup)
        {
            body.Add(new AdaptiveTextBlock { Text = help.Text("groupHint"), Wrap = true, IsSubtle = true });
        }

        return new AdaptiveCard
        {
            Body = body,
            Actions =
            [
                CardButtons.Submit(messages.Welcome.Buttons.Recommend, new CardActionData { Action = CardActions.StartRecommendation }),
                CardButtons.Submit(messages.Welcome.Buttons.Compare, new CardActionData { Action = CardActions.Compare }),
            ],
            FallbackText = help.Text("text"),
        };
    }
}

using CertBot.Cards;
using CertBot.Conversation;

namespace CertBot.Composition;

/// <summary>What to type, with examples.</summary>
public static class HelpCard
{
    public static AdaptiveCard Build(BotMessages messages, bool isGroup)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var help = messages.Help;
        var body = new List<AdaptiveElement>
        {
            new AdaptiveTextBlock { Id = "help", Text = help.Title, Size = AdaptiveTextSize.Medium, Weight = AdaptiveTextWeight.Bolder, Wrap = true, Style = AdaptiveTextBlockStyle.Heading },
            new AdaptiveTextBlock { Text = help.Text, Wrap = true },
            new AdaptiveTextBlock { Text = messages.Format.Bullets(help.Examples.Select(CardText.Escape)), Wrap = true },
        };
        if (isGroup)
        {
            body.Add(new AdaptiveTextBlock { Text = help.GroupHint, Wrap = true, IsSubtle = true });
        }

        return new AdaptiveCard
        {
            Body = body,
            Actions =
            [
                CardButtons.Submit(messages.Welcome.Buttons.Recommend, new CardActionData { Action = CardActions.StartRecommendation }),
                CardButtons.Submit(messages.Welcome.Buttons.Compare, new CardActionData { Action = CardActions.Compare }),
            ],
            FallbackText = help.Text,
        };
    }
}

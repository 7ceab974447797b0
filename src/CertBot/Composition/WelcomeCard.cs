using CertBot.Cards;
using CertBot.Conversation;

namespace CertBot.Composition;

/// <summary>The card CertBot sends when it is added to a personal chat, group chat or team.</summary>
public static class WelcomeCard
{
    public static AdaptiveCard Build(BotMessages messages, bool isGroup)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var welcome = messages.Welcome;
        var body = new List<AdaptiveElement>
        {
            new AdaptiveTextBlock { Text = welcome.Title, Size = AdaptiveTextSize.Large, Weight = AdaptiveTextWeight.Bolder, Wrap = true, Style = AdaptiveTextBlockStyle.Heading },
            new AdaptiveTextBlock { Text = welcome.Text, Wrap = true },
        };
        if (isGroup)
        {
            body.Add(new AdaptiveTextBlock { Text = welcome.GroupText, Wrap = true, IsSubtle = true });
        }

        return new AdaptiveCard
        {
            Body = body,
            Actions =
            [
                CardButtons.Submit(welcome.Buttons.Recommend, new CardActionData { Action = CardActions.StartRecommendation }),
                CardButtons.Submit(welcome.Buttons.Compare, new CardActionData { Action = CardActions.Compare }),
                CardButtons.Submit(welcome.Buttons.Ask, new CardActionData { Action = CardActions.Ask }),
            ],
            FallbackText = TemplateText.Fill(messages.Format.SentenceThen, ("first", welcome.Title), ("second", welcome.Text)),
        };
    }
}

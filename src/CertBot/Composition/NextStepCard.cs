using CertBot.Cards;
using CertBot.Conversation;

namespace CertBot.Composition;

/// <summary>A short notice with the two ways forward: a recommendation, or a question.</summary>
public static class NextStepCard
{
    public static AdaptiveCard Build(BotMessages messages, string text)
    {
        ArgumentNullException.ThrowIfNull(messages);
        return new AdaptiveCard
        {
            Body = [new AdaptiveTextBlock { Id = "next-step", Text = text, Wrap = true }],
            Actions =
            [
                CardButtons.Submit(messages.Welcome.Buttons.Recommend, new CardActionData { Action = CardActions.StartRecommendation }),
                CardButtons.Submit(messages.Welcome.Buttons.Ask, new CardActionData { Action = CardActions.Ask }),
            ],
            FallbackText = text,
        };
    }
}

using CertBot.Cards;
using CertBot.Conversation;

namespace CertBot.Composition;

/// <summary>The honest "I don't know", with what CertBot can help with instead.</summary>
public static class OutOfScopeCard
{
    public static AdaptiveCard Build(BotMessages messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var outOfScope = messages.OutOfScope;
        return new AdaptiveCard
        {
            Body = [new AdaptiveTextBlock { Id = "out-of-scope", Text = outOfScope.Text, Wrap = true }],
            Actions =
            [
                CardButtons.Submit(outOfScope.Suggestions.Recommend, new CardActionData { Action = CardActions.StartRecommendation }),
                CardButtons.Submit(outOfScope.Suggestions.Compare, new CardActionData { Action = CardActions.Compare }),
            ],
            FallbackText = outOfScope.Text,
        };
    }
}

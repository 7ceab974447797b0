using CertBot.Cards;
using CertBot.Conversation;
using CertBot.Knowledge;

namespace CertBot.Composition;

/// <summary>
/// Up to three questions CertBot thinks the person may have meant, as tappable lines labelled with their short titles
/// (full questions get cut off on Teams buttons); the text fallback has no width limit, so it keeps the questions.
/// </summary>
public static class DidYouMeanCard
{
    public static AdaptiveCard Build(BotMessages messages, IReadOnlyList<FaqEntry> suggestions)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(suggestions);
        return new AdaptiveCard
        {
            Body =
            [
                new AdaptiveTextBlock { Id = "did-you-mean", Text = messages.DidYouMean.Text, Wrap = true },
                TapRows.Build(messages.Format, "suggestions", suggestions.Take(3).Select(entry => (entry.Title, new CardActionData { Action = CardActions.FaqAsk, FaqId = entry.Id }))),
            ],
            Actions = [CardButtons.Submit(messages.DidYouMean.None, new CardActionData { Action = CardActions.Help })],
            FallbackText = messages.Format.Join(messages.DidYouMean.Text, string.Join(messages.Format.ChoiceSeparator, suggestions.Take(3).Select(entry => entry.Question))),
        };
    }
}

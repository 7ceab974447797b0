using CertBot.Cards;
using CertBot.Conversation;
using CertBot.Knowledge;

namespace CertBot.Composition;

/// <summary>
/// Up to three questions CertBot thinks the person may have meant, as buttons labelled with their short titles
/// (full questions get cut off on Teams buttons); the text fallback has no width limit, so it keeps the questions.
/// </summary>
public static class DidYouMeanCard
{
    public static AdaptiveCard Build(BotMessages messages, IReadOnlyList<FaqEntry> suggestions)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(suggestions);
        var actions = suggestions.Take(3)
            .Select(entry => (AdaptiveAction)CardButtons.Submit(entry.Title, new CardActionData { Action = CardActions.FaqAsk, FaqId = entry.Id }))
            .ToList();
        actions.Add(CardButtons.Submit(messages.DidYouMean.None, new CardActionData { Action = CardActions.Help }));
        return new AdaptiveCard
        {
            Body = [new AdaptiveTextBlock { Id = "did-you-mean", Text = messages.DidYouMean.Text, Wrap = true }],
            Actions = actions,
            FallbackText = $"{messages.DidYouMean.Text} {string.Join(" / ", suggestions.Take(3).Select(entry => entry.Question))}",
        };
    }
}

using CertBot.Cards;
using CertBot.Conversation;

namespace CertBot.Composition;

/// <summary>The honest reply to a question about a detail CertBot does not hold: no guess, a link to the official page.</summary>
public static class NotHeldCard
{
    public static AdaptiveCard Build(BotMessages messages, FaqDetailGap gap)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(gap);
        var notHeld = messages.NotHeld;
        var text = TemplateText.Fill(gap.HeldNowhere ? notHeld.Nowhere : notHeld.Text, ("detail", gap.DetailLabel), ("credential", gap.CredentialName ?? notHeld.AnyCredential));
        return new AdaptiveCard
        {
            Body = [new AdaptiveTextBlock { Id = $"not-held-{gap.DetailId}", Text = CardText.Escape(text), Wrap = true }],
            Actions = gap.OfficialLink is { } link && !gap.HeldNowhere
                ? [new AdaptiveOpenUrlAction { Title = notHeld.Link, Url = link }]
                :
                [
                    CardButtons.Submit(messages.OutOfScope.Suggestions.Recommend, new CardActionData { Action = CardActions.StartRecommendation }),
                    CardButtons.Submit(messages.OutOfScope.Suggestions.Compare, new CardActionData { Action = CardActions.Compare }),
                ],
            FallbackText = gap.OfficialLink is { } url ? TemplateText.Fill(messages.Format.WithLink, ("text", text), ("url", url.AbsoluteUri)) : text,
        };
    }
}

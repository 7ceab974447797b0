using System.Globalization;
using CertBot.Cards;
using CertBot.Conversation;
using CertBot.Knowledge;

namespace CertBot.Composition;

/// <summary>A curated answer with its source, when it was last checked, related questions and feedback buttons.</summary>
public static class FaqAnswerCard
{
    /// <param name="feedback">Null while feedback is open; otherwise the text that replaces the feedback buttons.</param>
    /// <param name="forYou">How the answer was fitted to the person's profile, shown above it; null for the general answer.</param>
    public static AdaptiveCard Build(BotMessages messages, KnowledgeBase knowledge, FaqEntry entry, string? feedback = null, string? forYou = null)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(knowledge);
        ArgumentNullException.ThrowIfNull(entry);
        var faq = messages.Faq;
        var body = new List<AdaptiveElement>
        {
            new AdaptiveTextBlock { Text = entry.Question, Weight = AdaptiveTextWeight.Bolder, Wrap = true, Style = AdaptiveTextBlockStyle.Heading },
        };
        if (forYou is not null)
        {
            // Composed from curated templates and names: markdown kept (the credential name is bold).
            body.Add(new AdaptiveTextBlock { Text = forYou, Wrap = true, Color = AdaptiveTextColor.Accent, Spacing = AdaptiveSpacing.Small });
        }

        // Curated markdown from the knowledge file: trusted, so it keeps its formatting.
        body.Add(new AdaptiveTextBlock { Text = entry.Answer, Wrap = true });

        var facts = new List<AdaptiveFact>();
        if (entry.Sources.Count > 0)
        {
            facts.Add(new AdaptiveFact
            {
                Title = faq.SourceLabel,
                Value = string.Join(", ", entry.Sources.Select(source => source.Url is null ? CardText.Escape(source.Title) : $"[{CardText.Escape(source.Title)}]({source.Url.AbsoluteUri})")),
            });
        }

        facts.Add(new AdaptiveFact { Title = faq.LastCheckedLabel, Value = entry.LastVerified.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        body.Add(new AdaptiveFactSet { Facts = facts, Spacing = AdaptiveSpacing.Medium });

        var related = entry.Related.Select(knowledge.FindFaq).OfType<FaqEntry>().Take(3).ToList();
        if (related.Count > 0)
        {
            body.Add(new AdaptiveTextBlock { Text = faq.RelatedLabel, IsSubtle = true, Wrap = true, Spacing = AdaptiveSpacing.Medium });
            // Short titles, not questions: Teams cuts long button labels; the heading of the answer they open shows the question.
            body.Add(new AdaptiveActionSet
            {
                Actions = related
                    .Select(other => (AdaptiveAction)CardButtons.Submit(other.Title, new CardActionData { Action = CardActions.FaqAsk, FaqId = other.Id }))
                    .ToList(),
            });
        }

        var actions = new List<AdaptiveAction>();
        if (feedback is null)
        {
            body.Add(new AdaptiveTextBlock { Text = faq.FeedbackQuestion, IsSubtle = true, Wrap = true, Spacing = AdaptiveSpacing.Medium });
            actions.Add(CardButtons.Submit(faq.Helpful, new CardActionData { Action = CardActions.FaqFeedback, FaqId = entry.Id, Helpful = true }));
            actions.Add(CardButtons.Submit(faq.NotHelpful, new CardActionData { Action = CardActions.FaqFeedback, FaqId = entry.Id, Helpful = false }));
        }
        else
        {
            body.Add(new AdaptiveTextBlock { Text = feedback, IsSubtle = true, Wrap = true, Spacing = AdaptiveSpacing.Medium });
        }

        return new AdaptiveCard
        {
            Body = body,
            Actions = actions,
            FallbackText = $"{entry.Question} {entry.Answer}",
        };
    }
}

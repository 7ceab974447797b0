using System.Globalization;
using CertBot.Cards;
using CertBot.Conversation;
using CertBot.Knowledge;

namespace CertBot.Composition;

/// <summary>
/// A curated answer: the question, the answer's first paragraphs (the rest one "Read more" tap away), a one-line
/// "Sources · last checked" that opens the sources, related questions as tappable lines and the feedback buttons.
/// </summary>
public static class FaqAnswerCard
{
    /// <summary>About ten phone lines: the answer shows whole paragraphs up to this length before "Read more".</summary>
    public const int FirstScreenChars = 420;

    /// <param name="feedback">Null while feedback is open; otherwise the text that replaces the feedback buttons.</param>
    /// <param name="forYou">How the answer was fitted to the person's profile, shown above it; null for the general answer.</param>
    /// <param name="asked">The normalised words that led to this answer, carried on the feedback buttons for the curator report; null when a button led here.</param>
    public static AdaptiveCard Build(BotMessages messages, KnowledgeBase knowledge, FaqEntry entry, string? feedback = null, string? forYou = null, string? asked = null)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(knowledge);
        ArgumentNullException.ThrowIfNull(entry);
        var faq = messages.Faq;
        var (first, rest) = Split(entry.Answer);
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
        body.Add(new AdaptiveTextBlock { Id = "answer", Text = first, Wrap = true });
        if (rest is not null)
        {
            body.Add(new AdaptiveTextBlock { Id = "answer-rest", Text = rest, Wrap = true, IsVisible = false });
            body.Add(Toggle("read-more", faq.ReadMore, "answer-rest"));
        }

        var facts = new List<AdaptiveFact>();
        if (entry.Sources.Count > 0)
        {
            facts.Add(new AdaptiveFact
            {
                Title = faq.SourceLabel,
                Value = string.Join(messages.Format.ListSeparator, entry.Sources.Select(source => source.Url is null
                    ? CardText.Escape(source.Title)
                    : TemplateText.Fill(messages.Format.Link, ("text", CardText.Escape(source.Title)), ("url", source.Url.AbsoluteUri)))),
            });
        }

        var checkedOn = entry.LastVerified.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (facts.Count > 0)
        {
            body.Add(Toggle("sources-line", TemplateText.Fill(faq.SourcesLine, ("date", checkedOn)), "sources"));
            body.Add(new AdaptiveFactSet { Id = "sources", Facts = facts, Spacing = AdaptiveSpacing.Small, IsVisible = false });
        }
        else
        {
            body.Add(new AdaptiveTextBlock { Text = TemplateText.Fill(messages.Format.Labelled, ("label", faq.LastCheckedLabel), ("value", checkedOn)), IsSubtle = true, Size = AdaptiveTextSize.Small, Wrap = true, Spacing = AdaptiveSpacing.Medium });
        }

        var related = entry.Related.Select(knowledge.FindFaq).OfType<FaqEntry>().Take(3).ToList();
        if (related.Count > 0)
        {
            body.Add(new AdaptiveTextBlock { Text = faq.RelatedLabel, IsSubtle = true, Wrap = true, Spacing = AdaptiveSpacing.Medium });
            // Short titles, not questions: long labels get cut off; the heading of the answer they open shows the question.
            body.Add(TapRows.Build(messages.Format, "related", related.Select(other => (other.Title, new CardActionData { Action = CardActions.FaqAsk, FaqId = other.Id }))));
        }

        var actions = new List<AdaptiveAction>();
        if (feedback is null)
        {
            body.Add(new AdaptiveTextBlock { Text = faq.FeedbackQuestion, IsSubtle = true, Wrap = true, Spacing = AdaptiveSpacing.Medium });
            actions.Add(CardButtons.Submit(faq.Helpful, new CardActionData { Action = CardActions.FaqFeedback, FaqId = entry.Id, Helpful = true, Asked = asked }));
            actions.Add(CardButtons.Submit(faq.NotHelpful, new CardActionData { Action = CardActions.FaqFeedback, FaqId = entry.Id, Helpful = false, Asked = asked }));
        }
        else
        {
            body.Add(new AdaptiveTextBlock { Text = feedback, IsSubtle = true, Wrap = true, Spacing = AdaptiveSpacing.Medium });
        }

        return new AdaptiveCard
        {
            Body = body,
            Actions = actions,
            FallbackText = messages.Format.Join(entry.Question, entry.Answer),
        };
    }

    /// <summary>Whole paragraphs up to <see cref="FirstScreenChars"/> (always the first), and the rest or null.</summary>
    public static (string Shown, string? Hidden) Split(string answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var paragraphs = answer.Replace("\r\n", "\n", StringComparison.Ordinal).Trim().Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var shown = 1;
        var length = paragraphs[0].Length;
        while (shown < paragraphs.Length && length + paragraphs[shown].Length <= FirstScreenChars)
        {
            length += paragraphs[shown].Length;
            shown++;
        }

        return shown == paragraphs.Length
            ? (string.Join("\n\n", paragraphs), null)
            : (string.Join("\n\n", paragraphs[..shown]), string.Join("\n\n", paragraphs[shown..]));
    }

    // A tappable line that shows or hides another element: cheaper on a phone than a full-width button.
    private static AdaptiveContainer Toggle(string id, string text, string target) => new()
    {
        Id = id,
        Spacing = AdaptiveSpacing.Small,
        SelectAction = new AdaptiveToggleVisibilityAction { Title = text, TargetElements = [new AdaptiveTargetElement { ElementId = target }] },
        Items = [new AdaptiveTextBlock { Text = text, Color = AdaptiveTextColor.Accent, Size = AdaptiveTextSize.Small, Wrap = true }],
    };
}

using System.Globalization;
using CertBot.Cards;
using CertBot.Conversation;
using CertBot.Knowledge;

namespace CertBot.Composition;

/// <summary>The facts shown for one credential, shared by the comparison, recommendation and credential cards.</summary>
public static class CredentialFacts
{
    /// <summary>Experience, focus, format, cost and preparation. When the facts were checked is said once per card, by the card.</summary>
    /// <param name="withPreparation">False when the card already says the preparation time elsewhere (a next step), so it is not said twice.</param>
    public static AdaptiveFactSet Build(BotMessages messages, Credential credential, bool withPreparation = true)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var labels = messages.Recommendation;
        ArgumentNullException.ThrowIfNull(credential);
        return new AdaptiveFactSet
        {
            Spacing = AdaptiveSpacing.Small,
            Facts =
            [
                new() { Title = labels.ExperienceLabel, Value = credential.Experience.Description },
                new() { Title = labels.FocusLabel, Value = string.Join(messages.Format.ListSeparator, credential.Covers.Take(4)) },
                new() { Title = labels.FormatLabel, Value = credential.Format },
                new() { Title = labels.CostLabel, Value = credential.Cost },
                .. withPreparation ? [new AdaptiveFact { Title = labels.PrepLabel, Value = credential.PreparationTime }] : Array.Empty<AdaptiveFact>(),
            ],
        };
    }

    /// <summary>"Facts last checked 2026-12-01.", subtle; <paramref name="date"/> is the oldest check the card relies on.</summary>
    public static AdaptiveTextBlock Checked(RecommendationMessages words, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(words);
        return new AdaptiveTextBlock
        {
            Id = "last-checked",
            Text = TemplateText.Fill(words.CheckedLine, ("date", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))),
            IsSubtle = true,
            Size = AdaptiveTextSize.Small,
            Wrap = true,
            Spacing = AdaptiveSpacing.Medium,
        };
    }

    /// <summary>"Active", "Retired on 2026-03-31 · Replaced by …", as a coloured line.</summary>
    public static AdaptiveTextBlock Status(ComparisonMessages words, KnowledgeBase knowledge, Credential credential)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(knowledge);
        ArgumentNullException.ThrowIfNull(credential);
        return credential.Status switch
        {
            CredentialStatus.Retired => new AdaptiveTextBlock
            {
                Text = RetiredText(words, knowledge, credential),
                Color = AdaptiveTextColor.Attention,
                Wrap = true,
            },
            CredentialStatus.Retiring => new AdaptiveTextBlock { Text = words.Retiring, Color = AdaptiveTextColor.Warning, Wrap = true },
            CredentialStatus.Unconfirmed => new AdaptiveTextBlock { Text = words.Unconfirmed, Color = AdaptiveTextColor.Warning, Wrap = true },
            _ => new AdaptiveTextBlock { Text = words.Active, Color = AdaptiveTextColor.Good, Wrap = true },
        };
    }

    public static string RetiredText(ComparisonMessages words, KnowledgeBase knowledge, Credential credential)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(knowledge);
        ArgumentNullException.ThrowIfNull(credential);
        var text = TemplateText.Fill(words.Retired, ("date", credential.RetiredOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "?"));
        var successor = credential.SuccessorId is null ? null : knowledge.FindCredential(credential.SuccessorId);
        return successor is null
            ? text
            : TemplateText.Fill(words.RetiredReplaced, ("date", credential.RetiredOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "?"), ("name", successor.Name));
    }

    /// <summary>The credential's name with its exam code, when it has one.</summary>
    public static string Title(TextFormats format, Credential credential)
    {
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(credential);
        return credential.ExamCode is null ? credential.Name : TemplateText.Fill(format.TitleWithCode, ("name", credential.Name), ("code", credential.ExamCode));
    }
}

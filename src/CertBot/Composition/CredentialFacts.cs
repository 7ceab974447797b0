using System.Globalization;
using CertBot.Cards;
using CertBot.Conversation;
using CertBot.Knowledge;

namespace CertBot.Composition;

/// <summary>The facts shown for one credential, shared by the comparison, recommendation and credential cards.</summary>
public static class CredentialFacts
{
    /// <param name="compact">Only experience, cost, preparation and freshness: the recommendation card shows several credentials and stays readable on mobile.</param>
    public static AdaptiveFactSet Build(RecommendationMessages labels, Credential credential, bool compact = false)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(credential);
        var facts = new List<AdaptiveFact> { new() { Title = labels.ExperienceLabel, Value = credential.Experience.Description } };
        if (!compact)
        {
            facts.Add(new AdaptiveFact { Title = labels.FocusLabel, Value = string.Join(", ", credential.Covers.Take(4)) });
            facts.Add(new AdaptiveFact { Title = labels.FormatLabel, Value = credential.Format });
        }

        facts.Add(new AdaptiveFact { Title = labels.CostLabel, Value = credential.Cost });
        facts.Add(new AdaptiveFact { Title = labels.PrepLabel, Value = credential.PreparationTime });
        facts.Add(new AdaptiveFact { Title = labels.CheckedLabel, Value = credential.LastVerified.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        return new AdaptiveFactSet { Facts = facts };
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
        return successor is null ? text : $"{text}. {TemplateText.Fill(words.Successor, ("name", successor.Name))}";
    }

    public static string Title(Credential credential)
    {
        ArgumentNullException.ThrowIfNull(credential);
        return credential.ExamCode is null ? credential.Name : $"{credential.Name} ({credential.ExamCode})";
    }
}

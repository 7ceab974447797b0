using CertBot.Cards;
using CertBot.Conversation;
using CertBot.Knowledge;

namespace CertBot.Composition;

/// <summary>Every credential CertBot tracks, retired ones marked with their successors.</summary>
public static class ComparisonCard
{
    public static AdaptiveCard Build(BotMessages messages, KnowledgeBase knowledge)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(knowledge);
        var body = new List<AdaptiveElement>
        {
            new AdaptiveTextBlock { Text = messages.Comparison.Title, Size = AdaptiveTextSize.Medium, Weight = AdaptiveTextWeight.Bolder, Wrap = true, Style = AdaptiveTextBlockStyle.Heading },
            new AdaptiveTextBlock { Text = messages.Comparison.Text, Wrap = true, IsSubtle = true },
        };

        // Current credentials first, so the retired ones read as history.
        foreach (var credential in knowledge.Credentials.OrderBy(c => c.Status == CredentialStatus.Retired).ThenBy(c => c.Vendor, StringComparer.Ordinal))
        {
            body.Add(Row(messages, knowledge, credential));
        }

        return new AdaptiveCard
        {
            Body = body,
            Actions =
            [
                CardButtons.Submit(messages.Welcome.Buttons.Recommend, new CardActionData { Action = CardActions.StartRecommendation }),
                CardButtons.Submit(messages.Welcome.Buttons.Ask, new CardActionData { Action = CardActions.Ask }),
            ],
            FallbackText = $"{messages.Comparison.Title}: {string.Join("; ", knowledge.Credentials.Select(CredentialFacts.Title))}",
            MsTeams = new MsTeamsCardProperties { Width = "Full" },
        };
    }

    /// <summary>One credential as a row: name and status on the left, facts on the right (stacks on mobile).</summary>
    public static AdaptiveContainer Row(BotMessages messages, KnowledgeBase knowledge, Credential credential, AdaptiveElement? extra = null, bool compact = false)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(credential);
        var left = new List<AdaptiveElement>
        {
            new AdaptiveTextBlock { Text = CredentialFacts.Title(credential), Weight = AdaptiveTextWeight.Bolder, Wrap = true },
            new AdaptiveTextBlock { Text = credential.Vendor, IsSubtle = true, Wrap = true, Spacing = AdaptiveSpacing.None },
        };
        if (!compact || credential.Status != CredentialStatus.Active)
        {
            left.Add(CredentialFacts.Status(messages.Comparison, knowledge, credential));
        }

        if (extra is not null)
        {
            left.Add(extra);
        }

        return new AdaptiveContainer
        {
            // A contract for tests and clients; each card lists a credential once, so the id is unique within it.
            Id = $"credential-{credential.Id}",
            Separator = true,
            Spacing = AdaptiveSpacing.Medium,
            Style = credential.Status == CredentialStatus.Retired ? AdaptiveContainerStyle.Default : AdaptiveContainerStyle.Emphasis,
            Items =
            [
                new AdaptiveColumnSet
                {
                    Columns =
                    [
                        new AdaptiveColumn { Width = AdaptiveColumnWidth.Weighted(2), Items = left },
                        new AdaptiveColumn { Width = AdaptiveColumnWidth.Weighted(3), Items = [CredentialFacts.Build(messages.Recommendation, credential, compact)] },
                    ],
                },
            ],
        };
    }
}

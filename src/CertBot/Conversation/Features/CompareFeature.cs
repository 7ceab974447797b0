using CertBot.Cards;
using CertBot.Composition;
using CertBot.Knowledge;
using CertBot.Protocol.Hosting;

namespace CertBot.Conversation.Features;

/// <summary>
/// Every credential side by side: reached by "compare certifications" and the Compare buttons; its phrases rank first
/// among the typed intents. One line per credential CertBot tracks: current ML-engineering exams first, then related
/// credentials, then retired exams as a single line with the date and the successor. Tapping a line shows its facts in
/// place (Action.ToggleVisibility), so the card stays short on a phone; when the facts were checked is said once. Once
/// the person's profile is known, each current exam carries their readiness badge. Its wording stays the typed
/// <c>comparison:</c> section rather than <c>features.compare</c>: the credential card and the message extension word a
/// credential's status and retirement with the same keys.
/// </summary>
[CardFeature(CardActions.Compare, rank: 100)]
public sealed class CompareFeature(TurnKnowledge knowledge, Catalogues catalogues) : ICardFeature
{
    public Task RunAsync(ITurnContext turn, CardActionData? button, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var snapshot = knowledge.For(turn);
        var readiness = ProfileInterview.CompletedProfile(turn) is { } profile ? snapshot.Recommender.Recommend(profile).Readiness : null;
        return turn.SendCardAsync(Card(catalogues.For(turn).Messages, snapshot.Knowledge, readiness), cancellationToken);
    }

    /// <summary>The comparison card, built from the knowledge snapshot of the turn.</summary>
    /// <param name="readiness">The person's readiness per current exam when their profile is known; each row then carries its badge.</param>
    public static AdaptiveCard Card(BotMessages messages, KnowledgeBase knowledge, IReadOnlyList<CredentialReadiness>? readiness = null)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(knowledge);
        var words = messages.Comparison;
        var body = new List<AdaptiveElement>
        {
            new AdaptiveTextBlock { Text = words.Title, Size = AdaptiveTextSize.Large, Weight = AdaptiveTextWeight.Bolder, Wrap = true, Style = AdaptiveTextBlockStyle.Heading },
            new AdaptiveTextBlock { Text = words.Text, Wrap = true, IsSubtle = true, Size = AdaptiveTextSize.Small, Spacing = AdaptiveSpacing.None },
        };

        var byVendor = knowledge.Credentials.OrderBy(c => c.Vendor, StringComparer.Ordinal).ToList();
        var current = byVendor.Where(c => c.IsRecommendable).ToList();
        var related = byVendor.Where(c => !c.IsRecommendable && c.Status != CredentialStatus.Retired).ToList();
        var retired = byVendor.Where(c => c.Status == CredentialStatus.Retired).ToList();
        AddSection(body, words.CurrentLabel, current.Select(c => Row(messages, knowledge, c, readiness?.FirstOrDefault(r => r.Credential.Id == c.Id))));
        AddSection(body, words.RelatedLabel, related.Select(c => Row(messages, knowledge, c)));
        AddSection(body, words.RetiredLabel, retired.Select(c => RetiredLine(messages, knowledge, c)));
        body.Add(CredentialFacts.Checked(messages.Recommendation, knowledge.Credentials.Select(c => c.LastVerified).DefaultIfEmpty(knowledge.LastReviewed).Min()));

        return new AdaptiveCard
        {
            Body = body,
            Actions =
            [
                CardButtons.Submit(messages.Welcome.Buttons.Recommend, new CardActionData { Action = CardActions.StartRecommendation }),
                CardButtons.Submit(messages.Welcome.Buttons.Ask, new CardActionData { Action = CardActions.Ask }),
            ],
            FallbackText = TemplateText.Fill(words.Fallback, ("title", words.Title),
                ("credentials", string.Join(messages.Format.FallbackSeparator, knowledge.Credentials.Select(c => CredentialFacts.Title(messages.Format, c))))),
            MsTeams = new MsTeamsCardProperties { Width = MsTeamsCardProperties.FullWidth },
        };
    }

    /// <summary>One credential as one line (name, vendor, level, cost, preparation); a tap shows its facts below it.</summary>
    private static AdaptiveContainer Row(BotMessages messages, KnowledgeBase knowledge, Credential credential, CredentialReadiness? readiness = null)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(knowledge);
        ArgumentNullException.ThrowIfNull(credential);
        var words = messages.Comparison;
        var level = messages.Recommendation.Levels.GetValueOrDefault(DecisionAid.LevelName(credential.Level), DecisionAid.LevelName(credential.Level));
        var summary = credential.IsRecommendable && credential.CostShort is { } cost && credential.PreparationShort is { } prep
            ? TemplateText.Fill(words.Summary, ("vendor", credential.Vendor), ("level", level), ("cost", cost), ("prep", prep))
            : TemplateText.Fill(words.RelatedSummary, ("vendor", credential.Vendor), ("level", level));
        var detailsId = $"details-{credential.Id}";
        var line = new List<AdaptiveElement>
        {
            new AdaptiveTextBlock { Text = messages.Format.Strong(CredentialFacts.Title(messages.Format, credential)), Wrap = true },
            new AdaptiveTextBlock { Text = summary, IsSubtle = true, Size = AdaptiveTextSize.Small, Wrap = true, Spacing = AdaptiveSpacing.None },
        };
        if (credential.Status != CredentialStatus.Active)
        {
            line.Add(CredentialFacts.Status(words, knowledge, credential) with { Size = AdaptiveTextSize.Small, Spacing = AdaptiveSpacing.None });
        }

        var details = new List<AdaptiveElement> { CredentialFacts.Build(messages, credential) };
        if (credential.Caveat is { } caveat)
        {
            details.Add(new AdaptiveTextBlock { Text = caveat, Wrap = true, IsSubtle = true, Size = AdaptiveTextSize.Small });
        }

        details.Add(new AdaptiveActionSet { Actions = [new AdaptiveOpenUrlAction { Title = words.Official, Url = credential.OfficialLink }] });
        return new AdaptiveContainer
        {
            // A contract for tests and clients; each card lists a credential once, so the id is unique within it.
            Id = $"credential-{credential.Id}",
            Separator = true,
            Spacing = AdaptiveSpacing.Small,
            SelectAction = new AdaptiveToggleVisibilityAction { Title = CredentialFacts.Title(messages.Format, credential), TargetElements = [new AdaptiveTargetElement { ElementId = detailsId }] },
            Items =
            [
                new AdaptiveColumnSet
                {
                    Columns =
                    [
                        new AdaptiveColumn { Width = AdaptiveColumnWidth.Stretch, Items = line },
                        new AdaptiveColumn
                        {
                            Width = AdaptiveColumnWidth.Auto,
                            VerticalContentAlignment = AdaptiveVerticalContentAlignment.Center,
                            Items = readiness is null
                                ? [new AdaptiveTextBlock { Text = words.Expand, IsSubtle = true }]
                                : [ReadinessRow.Badge(messages.Recommendation, readiness), new AdaptiveTextBlock { Text = words.Expand, IsSubtle = true, HorizontalAlignment = AdaptiveHorizontalAlignment.Center, Spacing = AdaptiveSpacing.None }],
                        },
                    ],
                },
                new AdaptiveContainer { Id = detailsId, IsVisible = false, Items = details },
            ],
        };
    }

    // A retired exam is history: one line with the date and the successor, nothing to expand.
    private static AdaptiveTextBlock RetiredLine(BotMessages messages, KnowledgeBase knowledge, Credential credential) => new()
    {
        Id = $"credential-{credential.Id}",
        Text = TemplateText.Fill(messages.Comparison.RetiredLine,
            ("title", CredentialFacts.Title(messages.Format, credential)), ("status", CredentialFacts.RetiredText(messages.Comparison, knowledge, credential))),
        Wrap = true,
        Size = AdaptiveTextSize.Small,
        Separator = true,
        Spacing = AdaptiveSpacing.Small,
    };

    private static void AddSection(List<AdaptiveElement> body, string label, IEnumerable<AdaptiveElement> rows)
    {
        var list = rows.ToList();
        if (list.Count == 0)
        {
            return;
        }

        body.Add(new AdaptiveTextBlock { Text = label, Weight = AdaptiveTextWeight.Bolder, Wrap = true, Spacing = AdaptiveSpacing.Medium });
        body.AddRange(list);
    }
}

using CertBot.Cards;
using CertBot.Conversation;
using CertBot.Knowledge;

namespace CertBot.Composition;

/// <summary>
/// A credential's readiness at a glance: a coloured badge beside one "what you have / what it expects" line per
/// requirement, each marked met, short or unknown. Plain TextBlocks and container styles, so Teams (1.5) renders it.
/// </summary>
public static class ReadinessRow
{
    /// <summary>The badge and its requirement lines side by side.</summary>
    public static AdaptiveColumnSet Build(BotMessages messages, CredentialReadiness readiness)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var words = messages.Recommendation;
        ArgumentNullException.ThrowIfNull(readiness);
        var lines = readiness.Requirements.Select(check => (AdaptiveElement)RequirementLine(messages, check)).ToList();
        if (readiness.LimitedBy is { } easier)
        {
            lines.Add(new AdaptiveTextBlock
            {
                Text = TemplateText.Fill(words.Requirement.LimitedBy, ("credential", CredentialFacts.Title(messages.Format, easier))),
                Size = AdaptiveTextSize.Small,
                IsSubtle = true,
                Wrap = true,
                Spacing = AdaptiveSpacing.None,
            });
        }

        var columns = new List<AdaptiveColumn> { new() { Width = AdaptiveColumnWidth.Auto, Items = [Badge(words, readiness)] } };
        if (lines.Count > 0)
        {
            columns.Add(new AdaptiveColumn { Width = AdaptiveColumnWidth.Stretch, Items = lines, VerticalContentAlignment = AdaptiveVerticalContentAlignment.Center });
        }

        return new AdaptiveColumnSet { Columns = columns, Spacing = AdaptiveSpacing.Small };
    }

    /// <summary>The badge's contract id, <c>readiness-{credentialId}-{level}</c>.</summary>
    public static string BadgeId(CredentialReadiness readiness)
    {
        ArgumentNullException.ThrowIfNull(readiness);
        return $"readiness-{readiness.Credential.Id}-{WireName(readiness.Level)}";
    }

    /// <summary>The coloured badge alone: a tinted box with the level in its colour.</summary>
    public static AdaptiveContainer Badge(RecommendationMessages words, CredentialReadiness readiness, bool withId = true)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(readiness);
        var badge = BadgeWords(words.Readiness, readiness.Level);
        var color = badge.ToTextColor();
        return new AdaptiveContainer
        {
            Style = StyleFor(color),
            Items =
            [
                new AdaptiveTextBlock
                {
                    // The id is a contract: tests and other clients read the level from it without parsing wording.
                    Id = withId ? BadgeId(readiness) : null,
                    Text = badge.Text,
                    Color = color,
                    Weight = AdaptiveTextWeight.Bolder,
                    Size = AdaptiveTextSize.Small,
                    Wrap = false,
                },
            ],
        };
    }

    /// <summary>The level as it appears in element ids.</summary>
    public static string WireName(ReadinessLevel level) => level switch
    {
        ReadinessLevel.Ready => "ready",
        ReadinessLevel.Close => "close",
        ReadinessLevel.NotYet => "notyet",
        _ => "check",
    };

    /// <summary>The wording and colour of a level.</summary>
    public static ReadinessBadge BadgeWords(ReadinessWords words, ReadinessLevel level)
    {
        ArgumentNullException.ThrowIfNull(words);
        return level switch
        {
            ReadinessLevel.Ready => words.Ready,
            ReadinessLevel.Close => words.Close,
            ReadinessLevel.NotYet => words.NotYet,
            _ => words.Check,
        };
    }

    /// <summary>"ML experience: 0 of 1+ years" and its kin, without the mark.</summary>
    public static string RequirementText(RecommendationMessages words, RequirementCheck check)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(check);
        var required = ("required", LearnerProfileMapping.FormatYears(check.Required));
        var actual = ("actual", check.Actual is { } years ? LearnerProfileMapping.FormatYears(years) : string.Empty);
        var platform = ("platform", words.Clouds.GetValueOrDefault(check.Platform.ToString().ToLowerInvariant(), check.Platform.ToString()));
        return (check.Kind, check.Outcome) switch
        {
            (RequirementKind.MlYears, _) => TemplateText.Fill(check.IsEstimate ? words.Requirement.MlYearsEstimate : words.Requirement.MlYears, actual, required),
            (_, RequirementOutcome.Unknown) => TemplateText.Fill(words.Requirement.PlatformYearsUnknown, platform, required),
            _ => TemplateText.Fill(words.Requirement.PlatformYears, platform, actual, required),
        };
    }

    private static AdaptiveTextBlock RequirementLine(BotMessages messages, RequirementCheck check)
    {
        var words = messages.Recommendation;
        var (mark, color) = check.Outcome switch
        {
            RequirementOutcome.Met => (words.Requirement.MetMark, AdaptiveTextColor.Good),
            RequirementOutcome.Shortfall => (words.Requirement.ShortMark, AdaptiveTextColor.Attention),
            _ => (words.Requirement.UnknownMark, AdaptiveTextColor.Default),
        };
        return new AdaptiveTextBlock
        {
            Text = TemplateText.Fill(messages.Format.Marked, ("mark", mark), ("text", RequirementText(words, check))),
            Color = color,
            Size = AdaptiveTextSize.Small,
            Wrap = true,
            Spacing = AdaptiveSpacing.None,
        };
    }

    // The badge's tint matches its text colour; "default" (can't tell yet) is a neutral grey box.
    private static AdaptiveContainerStyle StyleFor(AdaptiveTextColor color) => color switch
    {
        AdaptiveTextColor.Good => AdaptiveContainerStyle.Good,
        AdaptiveTextColor.Warning => AdaptiveContainerStyle.Warning,
        AdaptiveTextColor.Attention => AdaptiveContainerStyle.Attention,
        AdaptiveTextColor.Accent => AdaptiveContainerStyle.Accent,
        _ => AdaptiveContainerStyle.Emphasis,
    };
}

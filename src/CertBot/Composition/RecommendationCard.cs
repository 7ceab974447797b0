using CertBot.Cards;
using CertBot.Conversation;
using CertBot.Knowledge;

namespace CertBot.Composition;

/// <summary>Who the card is for: the asker in a shared conversation, or the colleague who shared it.</summary>
public sealed record RecommendationCardOptions(string? ForName = null, string? SharedBy = null);

/// <summary>
/// The recommendation: the profile as understood, the primary credential, every current vendor credential
/// side by side with the person's readiness, the ordered course path, next steps and hiring advice.
/// </summary>
public static class RecommendationCard
{
    public static AdaptiveCard Build(BotMessages messages, KnowledgeBase knowledge, Recommendation recommendation, RecommendationCardOptions options)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(knowledge);
        ArgumentNullException.ThrowIfNull(recommendation);
        ArgumentNullException.ThrowIfNull(options);
        var words = messages.Recommendation;
        var profile = recommendation.Profile;
        var body = new List<AdaptiveElement>
        {
            new AdaptiveTextBlock
            {
                // Names come from Teams (user-controlled), so they are escaped before going into markdown.
                Text = options.ForName is { } name ? TemplateText.Fill(words.ForPerson, ("name", CardText.Escape(name))) : words.Title,
                Size = AdaptiveTextSize.Large,
                Weight = AdaptiveTextWeight.Bolder,
                Wrap = true,
                Style = AdaptiveTextBlockStyle.Heading,
            },
        };
        if (options.SharedBy is { } sharer)
        {
            body.Add(new AdaptiveTextBlock { Text = TemplateText.Fill(words.SharedBy, ("name", CardText.Escape(sharer))), IsSubtle = true, Wrap = true, Spacing = AdaptiveSpacing.None });
        }

        body.Add(ProfileFacts(words, profile));
        body.Add(Heading(words.PrimaryLabel));
        if (recommendation.Primary is { } primary)
        {
            body.Add(new AdaptiveTextBlock { Id = "primary-credential", Text = $"**{CredentialFacts.Title(primary.Credential)}**", Wrap = true, Color = AdaptiveTextColor.Accent, Size = AdaptiveTextSize.Medium });
            body.Add(new AdaptiveTextBlock { Text = primary.Reason, Wrap = true });
        }
        else
        {
            // Undecided cloud: the knowledge file's advice to compare and follow the target employer.
            body.Add(new AdaptiveTextBlock { Id = "compare-advice", Text = recommendation.CompareAdvice ?? words.NoPrimary, Wrap = true });
        }

        body.Add(Heading(words.CompareLabel));
        foreach (var readiness in recommendation.Readiness)
        {
            body.Add(ComparisonCard.Row(messages, knowledge, readiness.Credential, ReadinessBlock(words, readiness), compact: true));
        }

        if (recommendation.RetiredNotes.Count > 0)
        {
            body.Add(Heading(words.RetiredLabel));
            body.Add(Bullets(recommendation.RetiredNotes));
        }

        body.Add(Heading(words.PathLabel));
        body.Add(new AdaptiveTextBlock { Text = recommendation.PathSummary, Wrap = true });
        if (recommendation.CoursePath.Count > 0)
        {
            // Practitioners skip coursework and go straight to exam preparation, so their list can be empty.
            body.Add(new AdaptiveTextBlock
            {
                Text = string.Join("\r", recommendation.CoursePath.OrderBy(step => step.Order).Select((step, index) => $"{index + 1}. {StepText(words, step)}")),
                Wrap = true,
            });
        }

        if (recommendation.NextSteps.Count > 0)
        {
            body.Add(Heading(words.NextStepsLabel));
            body.Add(Bullets(recommendation.NextSteps));
        }

        if (recommendation.HiringSignals.Count > 0)
        {
            body.Add(Heading(words.HiringLabel));
            body.Add(Bullets(recommendation.HiringSignals.Select(signal => $"**{signal.Signal}**: {signal.Advice}")));
        }

        var shareData = new CardActionData { Action = CardActions.ShareRecommendation, Profile = LearnerProfileMapping.ToShared(profile) };
        var actions = options.SharedBy is null
            ? new List<AdaptiveAction>
            {
                CardButtons.Submit(words.Share, shareData),
                CardButtons.Submit(words.StartOver, new CardActionData { Action = CardActions.StartOver }),
                CardButtons.Submit(words.CompareAll, new CardActionData { Action = CardActions.Compare }),
                CardButtons.Submit(words.Ask, new CardActionData { Action = CardActions.Ask }),
            }
            : new List<AdaptiveAction>
            {
                // On a shared card the colleague wants their own answer, not the sharer's.
                CardButtons.Submit(words.GetMine, new CardActionData { Action = CardActions.GetMyOwn }),
                CardButtons.Submit(words.Share, shareData),
                CardButtons.Submit(words.CompareAll, new CardActionData { Action = CardActions.Compare }),
            };

        var primaryName = recommendation.Primary is { } p ? CredentialFacts.Title(p.Credential) : words.NoPrimary;
        return new AdaptiveCard
        {
            Body = body,
            Actions = actions,
            FallbackText = $"{words.Title}: {primaryName}",
            Speak = $"{words.PrimaryLabel}: {primaryName}",
            MsTeams = new MsTeamsCardProperties { Width = MsTeamsCardProperties.FullWidth },
        };
    }

    private static AdaptiveFactSet ProfileFacts(RecommendationMessages words, LearnerProfile profile)
    {
        var facts = new List<AdaptiveFact>
        {
            new() { Title = words.RoleLabel, Value = words.Roles.GetValueOrDefault(profile.Role.ToWireName(), profile.Role.ToWireName()) },
            new() { Title = words.MlYearsLabel, Value = TemplateText.Fill(words.Years, ("value", LearnerProfileMapping.FormatYears(profile.MlYears))) },
            new() { Title = words.CloudLabel, Value = words.Clouds.GetValueOrDefault(profile.Cloud.ToWireName(), profile.Cloud.ToWireName()) },
        };
        if (profile.CloudYears is { } cloudYears)
        {
            facts.Add(new AdaptiveFact { Title = words.CloudYearsLabel, Value = TemplateText.Fill(words.Years, ("value", LearnerProfileMapping.FormatYears(cloudYears))) });
        }

        return new AdaptiveFactSet { Facts = facts, Spacing = AdaptiveSpacing.Small };
    }

    private static AdaptiveContainer ReadinessBlock(RecommendationMessages words, CredentialReadiness readiness)
    {
        var badge = Badge(words.Readiness, readiness.Level);
        var id = readiness.Credential.Id;
        var items = new List<AdaptiveElement>
        {
            // The id is a contract: tests and other clients read the level from it without parsing wording.
            new AdaptiveTextBlock { Id = $"readiness-{id}-{WireName(readiness.Level)}", Text = $"{words.ReadinessLabel}: **{badge.Text}**", Color = badge.ToTextColor(), Wrap = true },
        };
        var lines = readiness.Requirements.Select(check => RequirementLine(words, check)).ToList();
        if (readiness.LimitedBy is { } easier)
        {
            lines.Add(TemplateText.Fill(words.Requirement.LimitedBy, ("credential", CredentialFacts.Title(easier))));
        }

        if (lines.Count > 0)
        {
            items.Add(Bullets(lines));
        }

        return new AdaptiveContainer { Items = items, Spacing = AdaptiveSpacing.Small };
    }

    /// <summary>The level as it appears in element ids.</summary>
    public static string WireName(ReadinessLevel level) => level switch
    {
        ReadinessLevel.Ready => "ready",
        ReadinessLevel.Close => "close",
        ReadinessLevel.NotYet => "notyet",
        _ => "check",
    };

    private static ReadinessBadge Badge(ReadinessWords words, ReadinessLevel level) => level switch
    {
        ReadinessLevel.Ready => words.Ready,
        ReadinessLevel.Close => words.Close,
        ReadinessLevel.NotYet => words.NotYet,
        _ => words.Check,
    };

    private static string RequirementLine(RecommendationMessages words, RequirementCheck check)
    {
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

    private static string StepText(RecommendationMessages words, CourseAdvice step)
    {
        var course = step.Course;
        var rating = TemplateText.Fill(words.Rating, ("rating", course.Rating.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)));
        return $"**{course.Title}** ({course.Provider}, {rating}): {step.Why}";
    }

    private static AdaptiveTextBlock Heading(string text)
        => new() { Text = text, Weight = AdaptiveTextWeight.Bolder, Wrap = true, Spacing = AdaptiveSpacing.Medium, Separator = true };

    private static AdaptiveTextBlock Bullets(IEnumerable<string> lines)
        => new() { Text = string.Join("\r", lines.Select(line => "- " + line)), Wrap = true };
}

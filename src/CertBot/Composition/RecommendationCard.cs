using System.Globalization;
using CertBot.Cards;
using CertBot.Conversation;
using CertBot.Dialogs;
using CertBot.Knowledge;

namespace CertBot.Composition;

/// <summary>Who the card is for: the asker in a shared conversation, or the colleague who shared it.</summary>
/// <param name="ForName">The asker's name in a group chat or channel.</param>
/// <param name="SharedBy">The colleague who shared it; a shared card is the compact version.</param>
public sealed record RecommendationCardOptions(string? ForName = null, string? SharedBy = null)
{
    /// <summary>Quick answers for years on the target cloud (from the profile dialog); empty offers none.</summary>
    public IReadOnlyList<DialogChoice> CloudYearsChoices { get; init; } = [];
}

/// <summary>
/// The recommendation. The first screen is the answer: the recommended credential, one line on why, its readiness
/// with what the person has against what it expects, the next three steps and the buttons (for an undecided cloud,
/// the three current exams side by side instead). Everything else sits behind one "More details" tap: the path in
/// full, the courses, the credential's facts, the other current exams with their readiness, retired exams, what hiring
/// managers weigh and, once, when the facts were last checked. A shared card is compact: the answer, and buttons to get one's own, share it on and compare.
/// </summary>
public static class RecommendationCard
{
    /// <summary>Id of the container "More details" shows and hides.</summary>
    public const string DetailsId = "details";

    /// <summary>How many steps the first screen shows; the rest are in the details.</summary>
    public const int FirstSteps = 3;

    public static AdaptiveCard Build(BotMessages messages, KnowledgeBase knowledge, Recommendation recommendation, RecommendationCardOptions options)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(knowledge);
        ArgumentNullException.ThrowIfNull(recommendation);
        ArgumentNullException.ThrowIfNull(options);
        var words = messages.Recommendation;
        var format = messages.Format;
        var compact = options.SharedBy is not null;
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

        body.Add(new AdaptiveTextBlock { Id = "profile", Text = ProfileLine(words, recommendation.Profile), IsSubtle = true, Wrap = true, Size = AdaptiveTextSize.Small, Spacing = AdaptiveSpacing.None });
        if (recommendation.Primary is { } primary && recommendation.PrimaryReadiness is { } verdict)
        {
            body.Add(PrimaryBlock(messages, knowledge, primary, verdict));
            // Personal chats only: in a group the card is everyone's, and a colleague's tap would answer for them.
            if (!compact && options.ForName is null && AsksCloudYears(verdict) && options.CloudYearsChoices.Count > 0)
            {
                var chips = options.CloudYearsChoices.Select(c => c with { Title = words.CloudYearsChips.GetValueOrDefault(c.Value, c.Title) }).ToList();
                body.AddRange(CloudYearsChips.Build(words, CloudName(words, recommendation.Profile.Cloud), chips));
            }
        }
        else
        {
            body.AddRange(DecisionAid.Build(words, recommendation.CloudOptions));
        }

        if (!compact)
        {
            body.AddRange(NextSteps(messages, knowledge, recommendation));
            body.Add(Details(messages, knowledge, recommendation));
        }

        var shareData = new CardActionData { Action = CardActions.ShareRecommendation, Profile = LearnerProfileMapping.ToShared(recommendation.Profile) };
        var actions = compact
            ? new List<AdaptiveAction>
            {
                // On a shared card the colleague wants their own answer, not the sharer's.
                CardButtons.Submit(words.GetMine, new CardActionData { Action = CardActions.GetMyOwn }),
                CardButtons.Submit(words.Share, shareData),
                CardButtons.Submit(words.CompareAll, new CardActionData { Action = CardActions.Compare }),
            }
            : new List<AdaptiveAction>
            {
                new AdaptiveToggleVisibilityAction { Title = words.Details, Id = "toggle-details", TargetElements = [new AdaptiveTargetElement { ElementId = DetailsId }] },
                CardButtons.Submit(words.Share, shareData),
                CardButtons.Submit(words.CompareAll, new CardActionData { Action = CardActions.Compare }),
            };

        var primaryName = recommendation.Primary is { } p ? CredentialFacts.Title(format, p.Credential) : words.NoPrimary;
        return new AdaptiveCard
        {
            Body = body,
            Actions = actions,
            FallbackText = TemplateText.Fill(words.Advice.Fallback, ("title", words.Title), ("credential", primaryName)),
            Speak = TemplateText.Fill(words.Advice.Speak, ("label", words.PrimaryLabel), ("credential", primaryName)),
            MsTeams = new MsTeamsCardProperties { Width = MsTeamsCardProperties.FullWidth },
        };
    }

    /// <summary>True when the verdict waits on years on the target cloud, which the chips can supply.</summary>
    public static bool AsksCloudYears(CredentialReadiness verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        return verdict.Requirements.Any(r => r.Kind == RequirementKind.PlatformYears && r.Outcome == RequirementOutcome.Unknown);
    }

    private static string ProfileLine(RecommendationMessages words, LearnerProfile profile)
    {
        var role = ("role", words.Roles.GetValueOrDefault(profile.Role.ToWireName(), profile.Role.ToWireName()));
        var years = ("mlYears", LearnerProfileMapping.FormatYears(profile.MlYears));
        var cloud = ("cloud", CloudName(words, profile.Cloud));
        return profile.CloudYears is { } cloudYears
            ? TemplateText.Fill(words.ProfileLineCloudYears, role, years, cloud, ("cloudYears", LearnerProfileMapping.FormatYears(cloudYears)))
            : TemplateText.Fill(words.ProfileLine, role, years, cloud);
    }

    private static string CloudName(RecommendationMessages words, TargetCloud cloud) =>
        words.Clouds.GetValueOrDefault(cloud.ToWireName(), cloud.ToWireName());

    // The answer: the credential, why, and its readiness, in the block that carries the credential's contract id.
    private static AdaptiveContainer PrimaryBlock(BotMessages messages, KnowledgeBase knowledge, CredentialAdvice primary, CredentialReadiness verdict) => new()
    {
        Id = $"credential-{primary.Credential.Id}",
        Spacing = AdaptiveSpacing.Medium,
        Items =
        [
            new AdaptiveTextBlock
            {
                Id = "primary-credential",
                Text = messages.Format.Strong(CredentialFacts.Title(messages.Format, primary.Credential)),
                Wrap = true,
                Color = AdaptiveTextColor.Accent,
                Size = AdaptiveTextSize.Medium,
            },
            new AdaptiveTextBlock { Id = "primary-reason", Text = AdviceText.Reason(messages.Recommendation, knowledge, primary.Reason), Wrap = true, Spacing = AdaptiveSpacing.Small },
            ReadinessRow.Build(messages, verdict),
        ],
    };

    private static IEnumerable<AdaptiveElement> NextSteps(BotMessages messages, KnowledgeBase knowledge, Recommendation recommendation)
    {
        var words = messages.Recommendation;
        if (recommendation.NextSteps.Count == 0)
        {
            yield break;
        }

        yield return new AdaptiveTextBlock { Text = words.NextStepsLabel, Weight = AdaptiveTextWeight.Bolder, Wrap = true, Spacing = AdaptiveSpacing.Medium };
        yield return new AdaptiveTextBlock
        {
            Id = "next-steps",
            // A course step names the course and why here; its provider, rating and what it teaches are in the details, said once.
            Text = messages.Format.NumberedLines(recommendation.NextSteps.Take(FirstSteps).Select(step => AdviceText.Step(words, knowledge, step, inFull: false)), 1),
            Wrap = true,
            Spacing = AdaptiveSpacing.Small,
        };
    }

    private static AdaptiveContainer Details(BotMessages messages, KnowledgeBase knowledge, Recommendation recommendation)
    {
        var words = messages.Recommendation;
        var format = messages.Format;
        var items = new List<AdaptiveElement> { Heading(words.PathLabel, separator: true), Text(AdviceText.Path(words, knowledge, recommendation.PathSummary)) };
        if (recommendation.NextSteps.Count > FirstSteps)
        {
            items.Add(Text(format.NumberedLines(recommendation.NextSteps.Skip(FirstSteps).Select(step => AdviceText.Step(words, knowledge, step, inFull: true)), FirstSteps + 1)));
        }

        if (recommendation.CoursePath.Count > 0)
        {
            items.Add(Heading(recommendation.CoursesOptional ? words.OptionalCoursesLabel : words.CoursesLabel));
            items.Add(Text(format.Bullets(recommendation.CoursePath.OrderBy(step => step.Order).Select(step => CourseLine(words, step)))));
        }

        if (recommendation.Primary is { } primary)
        {
            var credential = primary.Credential;
            items.Add(Heading(TemplateText.Fill(words.AboutLabel, ("credential", credential.ShortName ?? credential.Name))));
            // The path's "typical preparation" step already says how long to prepare; the facts do not say it again.
            var preparationInSteps = recommendation.NextSteps.OfType<NextStep.PreparationTime>().Any(step => step.CredentialId == credential.Id);
            items.Add(CredentialFacts.Build(messages, credential, withPreparation: !preparationInSteps));
            if (credential.Caveat is { } caveat)
            {
                items.Add(new AdaptiveTextBlock { Text = caveat, Wrap = true, IsSubtle = true, Size = AdaptiveTextSize.Small });
            }
        }

        // The decision aid already showed the exams it compares, with their readiness: only the rest are listed here.
        var shown = recommendation.CloudOptions.Select(o => o.Credential.Id).Append(recommendation.Primary?.Credential.Id).ToHashSet(StringComparer.Ordinal);
        var others = recommendation.Readiness.Where(r => !shown.Contains(r.Credential.Id)).ToList();
        if (others.Count > 0)
        {
            items.Add(Heading(words.OtherExamsLabel));
            items.AddRange(others.Select(readiness => OtherExam(messages, readiness)));
        }

        if (recommendation.RetiredNotes.Count > 0)
        {
            items.Add(Heading(words.RetiredLabel));
            items.Add(Text(format.Bullets(recommendation.RetiredNotes.Select(note => AdviceText.Retired(words, knowledge, note)))));
        }

        if (recommendation.HiringSignals.Count > 0)
        {
            items.Add(Heading(words.HiringLabel));
            items.Add(Text(format.Bullets(recommendation.HiringSignals.Select(signal => TemplateText.Fill(words.Advice.HiringLine, ("signal", signal.Signal), ("advice", signal.Advice))))));
        }

        // Said once for the whole card: the oldest check among the credentials it describes.
        // Starting over is rare once the answer is in; it stays reachable without costing the first screen a button.
        items.Add(new AdaptiveActionSet { Actions = [CardButtons.Submit(words.StartOver, new CardActionData { Action = CardActions.StartOver })] });
        items.Add(CredentialFacts.Checked(words, recommendation.Readiness.Select(r => r.Credential.LastVerified).DefaultIfEmpty(knowledge.LastReviewed).Min()));
        return new AdaptiveContainer { Id = DetailsId, IsVisible = false, Items = items, Spacing = AdaptiveSpacing.Medium };
    }

    private static AdaptiveContainer OtherExam(BotMessages messages, CredentialReadiness readiness) => new()
    {
        // A contract for tests and clients; each card lists a credential once, so the id is unique within it.
        Id = $"credential-{readiness.Credential.Id}",
        Spacing = AdaptiveSpacing.Small,
        Items =
        [
            new AdaptiveTextBlock { Text = messages.Format.Strong(CredentialFacts.Title(messages.Format, readiness.Credential)), Wrap = true, Size = AdaptiveTextSize.Small },
            ReadinessRow.Build(messages, readiness),
        ],
    };

    private static string CourseLine(RecommendationMessages words, CourseAdvice step)
    {
        var course = step.Course;
        var rating = TemplateText.Fill(words.Rating, ("rating", course.Rating.ToString("0.0", CultureInfo.InvariantCulture)));
        return TemplateText.Fill(words.Advice.CourseLine, ("title", course.Title), ("provider", course.Provider), ("rating", rating), ("teaches", course.Teaches));
    }

    private static AdaptiveTextBlock Heading(string text, bool separator = false)
        => new() { Text = text, Weight = AdaptiveTextWeight.Bolder, Wrap = true, Spacing = AdaptiveSpacing.Medium, Separator = separator ? true : null };

    private static AdaptiveTextBlock Text(string text) => new() { Text = text, Wrap = true, Spacing = AdaptiveSpacing.Small };
}

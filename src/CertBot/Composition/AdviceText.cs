using System.Globalization;
using CertBot.Conversation;
using CertBot.Knowledge;

namespace CertBot.Composition;

/// <summary>The recommender's facts (reasons, path, steps, retired notes) in the words of one catalogue.</summary>
public static class AdviceText
{
    /// <summary>Why the primary credential; the card shows the full name right above, so the reason uses the short one.</summary>
    public static string Reason(RecommendationMessages words, KnowledgeBase knowledge, RecommendationReason reason)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(knowledge);
        ArgumentNullException.ThrowIfNull(reason);
        return reason switch
        {
            RecommendationReason.PrimaryForCloud why => TemplateText.Fill(words.Advice.PrimaryForCloud, ("credential", ShortName(knowledge, why.CredentialId)), ("cloud", PlatformName(words, why.Platform))),
            RecommendationReason.PrimaryAfterFoundations why => TemplateText.Fill(words.Advice.PrimaryAfterFoundations, ("credential", ShortName(knowledge, why.CredentialId))),
            _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "no wording for this reason"),
        };
    }

    /// <summary>The path in one sentence; a persona's own summary is the knowledge file's.</summary>
    public static string Path(RecommendationMessages words, KnowledgeBase knowledge, PathAdvice advice)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(knowledge);
        ArgumentNullException.ThrowIfNull(advice);
        return advice switch
        {
            PathAdvice.PersonaSummary persona => knowledge.FindPath(persona.Persona)?.Summary ?? string.Empty,
            PathAdvice.Ready ready => TemplateText.Fill(words.Advice.PathReady, ("credential", Name(knowledge, ready.CredentialId))),
            PathAdvice.GainFirst gain => TemplateText.Fill(words.Advice.PathGainFirst, ("credential", Name(knowledge, gain.CredentialId))),
            PathAdvice.DependsOnCloudYears check => TemplateText.Fill(words.Advice.PathCheck, ("credential", Name(knowledge, check.CredentialId)), ("cloud", PlatformName(words, check.Platform))),
            _ => throw new ArgumentOutOfRangeException(nameof(advice), advice, "no wording for this path"),
        };
    }

    /// <summary>One step; <paramref name="inFull"/> gives a course step its provider and rating (the details), otherwise its title and why.</summary>
    public static string Step(RecommendationMessages words, KnowledgeBase knowledge, NextStep step, bool inFull)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(knowledge);
        ArgumentNullException.ThrowIfNull(step);
        var advice = words.Advice;
        switch (step)
        {
            case NextStep.GainMlYears gain:
                return TemplateText.Fill(advice.GainMlYears, ("credential", Name(knowledge, gain.CredentialId)), ("required", Years(gain.Required)), ("actual", Years(gain.Actual)));
            case NextStep.GainPlatformYears gain:
                return TemplateText.Fill(advice.GainPlatform.GetValueOrDefault(WireName(gain.Platform), advice.GainPlatform.Values.First()), ("required", Years(gain.Required)), ("actual", Years(gain.Actual)));
            case NextStep.TakeCourse take when knowledge.FindCourse(take.CourseId) is { } course:
                return inFull
                    ? TemplateText.Fill(advice.CourseStepInFull, ("title", course.Title), ("provider", course.Provider), ("rating", Years(course.Rating)), ("why", take.Why))
                    : TemplateText.Fill(advice.CourseStep, ("title", course.Title), ("why", take.Why));
            case NextStep.TakeCourse take:
                return take.Why;
            case NextStep.ExamPrep prep:
                return TemplateText.Fill(advice.ExamPrepStep, ("credential", Name(knowledge, prep.CredentialId)));
            case NextStep.SitExam { CredentialId: null }:
                return advice.CredentialStepUndecided;
            case NextStep.SitExam sit:
                return TemplateText.Fill(advice.CredentialStep, ("credential", Name(knowledge, sit.CredentialId!)));
            case NextStep.PreparationTime time:
                return TemplateText.Fill(advice.PreparationTime, ("credential", Name(knowledge, time.CredentialId)), ("time", knowledge.FindCredential(time.CredentialId)?.PreparationTime ?? string.Empty));
            case NextStep.PathStepText text:
                return text.Text;
            default:
                throw new ArgumentOutOfRangeException(nameof(step), step, "no wording for this step");
        }
    }

    /// <summary>A retired credential, when it retired and what replaced it.</summary>
    public static string Retired(RecommendationMessages words, KnowledgeBase knowledge, RetiredNote note)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(knowledge);
        ArgumentNullException.ThrowIfNull(note);
        var retired = knowledge.FindCredential(note.RetiredId);
        return TemplateText.Fill(words.Advice.RetiredSuccessor,
            ("vendor", retired?.Vendor ?? string.Empty),
            ("retired", retired?.Name ?? note.RetiredId),
            ("date", note.RetiredOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty),
            ("successor", Name(knowledge, note.SuccessorId)));
    }

    /// <summary>A platform's display name from the catalogue's cloud names.</summary>
    public static string PlatformName(RecommendationMessages words, CloudPlatform platform)
    {
        ArgumentNullException.ThrowIfNull(words);
        return words.Clouds.GetValueOrDefault(WireName(platform), string.Empty);
    }

    private static string WireName(CloudPlatform platform) => platform.ToString().ToLowerInvariant();

    private static string Name(KnowledgeBase knowledge, string id) => knowledge.FindCredential(id)?.Name ?? id;

    private static string ShortName(KnowledgeBase knowledge, string id) => knowledge.FindCredential(id) is { } credential ? credential.ShortName ?? credential.Name : id;

    private static string Years(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}

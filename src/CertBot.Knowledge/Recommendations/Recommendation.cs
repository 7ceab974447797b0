using CertBot.Knowledge.Model;

namespace CertBot.Knowledge.Recommendations;

/// <summary>
/// Everything the bot advises for one learner profile, as facts (ids, figures, codes), never sentences: the host words
/// each reason, step and note from its catalogue in the person's language.
/// </summary>
/// <param name="Profile">The profile advised.</param>
/// <param name="Primary">The credential to aim for and why; null when the cloud is undecided.</param>
/// <param name="PathSummary">The path in one sentence, agreeing with the readiness verdict on <paramref name="Primary"/>.</param>
/// <param name="Readiness">Readiness for every current vendor credential.</param>
/// <param name="CoursePath">The ordered courses for the persona (empty for practitioners; optional when <paramref name="CoursesOptional"/>).</param>
/// <param name="NextSteps">The ordered steps to take: what to gain first, then the persona's path.</param>
/// <param name="HiringSignals">What hiring managers weigh that applies to this profile, highest first.</param>
/// <param name="RetiredNotes">Retired credentials the source article would have recommended, with successor and date.</param>
public sealed record Recommendation(
    LearnerProfile Profile,
    CredentialAdvice? Primary,
    PathAdvice PathSummary,
    IReadOnlyList<CredentialReadiness> Readiness,
    IReadOnlyList<CourseAdvice> CoursePath,
    IReadOnlyList<NextStep> NextSteps,
    IReadOnlyList<HiringSignal> HiringSignals,
    IReadOnlyList<RetiredNote> RetiredNotes)
{
    /// <summary>The readiness of <see cref="Primary"/>; null when the cloud is undecided.</summary>
    public CredentialReadiness? PrimaryReadiness =>
        Primary is { } primary ? Readiness.FirstOrDefault(r => r.Credential.Id == primary.Credential.Id) : null;

    /// <summary>True when the person already meets the primary credential, so the courses are refreshers, not a prerequisite.</summary>
    public bool CoursesOptional { get; init; }

    /// <summary>
    /// For an undecided cloud, the current exam of each cloud on the persona's path, best fit first (readiness, then the
    /// knowledge file's cloud order); empty when a cloud is chosen.
    /// </summary>
    public IReadOnlyList<CredentialReadiness> CloudOptions { get; init; } = [];
}

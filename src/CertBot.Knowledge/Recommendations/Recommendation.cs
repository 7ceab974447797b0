using CertBot.Knowledge.Model;

namespace CertBot.Knowledge.Recommendations;

/// <summary>Everything the bot advises for one learner profile; all sentences come from the knowledge file's templates.</summary>
/// <param name="Profile">The profile advised.</param>
/// <param name="Primary">The credential to aim for; null when the cloud is undecided.</param>
/// <param name="CompareAdvice">For an undecided cloud: compare the current options and follow the employer.</param>
/// <param name="PathSummary">The persona's path in one sentence.</param>
/// <param name="Readiness">Readiness for every current vendor credential.</param>
/// <param name="CoursePath">The ordered courses for the persona (empty for practitioners).</param>
/// <param name="NextSteps">The ordered steps to take.</param>
/// <param name="HiringSignals">What hiring managers weigh that applies to this profile, highest first.</param>
/// <param name="RetiredNotes">Retired credentials the source article would have recommended, with successor and date.</param>
public sealed record Recommendation(
    LearnerProfile Profile,
    CredentialAdvice? Primary,
    string? CompareAdvice,
    string PathSummary,
    IReadOnlyList<CredentialReadiness> Readiness,
    IReadOnlyList<CourseAdvice> CoursePath,
    IReadOnlyList<string> NextSteps,
    IReadOnlyList<HiringSignal> HiringSignals,
    IReadOnlyList<string> RetiredNotes);

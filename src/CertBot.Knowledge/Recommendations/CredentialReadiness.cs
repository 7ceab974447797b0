using CertBot.Knowledge.Model;

namespace CertBot.Knowledge.Recommendations;

/// <summary>How the learner compares with one current credential's published experience recommendation.</summary>
/// <param name="Credential">The credential.</param>
/// <param name="Gaps">One sentence per shortfall (empty when none).</param>
/// <param name="Notes">Things that could not be checked, or that no requirement is published.</param>
public sealed record CredentialReadiness(Credential Credential, IReadOnlyList<string> Gaps, IReadOnlyList<string> Notes)
{
    /// <summary>True when no known requirement exceeds the learner's experience.</summary>
    public bool MeetsRecommendation => Gaps.Count == 0;
}

using CertBot.Knowledge.Model;

namespace CertBot.Knowledge.Recommendations;

/// <summary>How ready the person is for one current credential, as facts the host turns into words.</summary>
/// <param name="Credential">The credential.</param>
/// <param name="Level">The judgement, after the same-platform consistency rule.</param>
/// <param name="Requirements">Each requirement that applies to the person, in the order ML years, platform years.</param>
/// <param name="LimitedBy">
/// The easier credential on the same platform whose readiness capped this one (a harder exam is never rated better
/// than an easier one); null when the credential's own requirements decided.
/// </param>
public sealed record CredentialReadiness(
    Credential Credential,
    ReadinessLevel Level,
    IReadOnlyList<RequirementCheck> Requirements,
    Credential? LimitedBy = null)
{
    /// <summary>True when any requirement was estimated from the credential's level rather than published by the vendor.</summary>
    public bool IsEstimate => Requirements.Any(r => r.IsEstimate);
}

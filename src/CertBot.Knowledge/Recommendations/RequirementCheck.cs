using CertBot.Knowledge.Model;

namespace CertBot.Knowledge.Recommendations;

/// <summary>One experience requirement of a credential against the person's profile; facts only, the host words them.</summary>
/// <param name="Kind">Which figure.</param>
/// <param name="Platform">The credential's platform (what "years on the platform" means for <see cref="RequirementKind.PlatformYears"/>).</param>
/// <param name="Required">The years asked for.</param>
/// <param name="Actual">The person's years; null when not given.</param>
/// <param name="Outcome">Met, shortfall or unknown.</param>
/// <param name="IsEstimate">True when the vendor publishes no figure and <paramref name="Required"/> is the typical experience for the credential's level.</param>
public sealed record RequirementCheck(
    RequirementKind Kind,
    CloudPlatform Platform,
    decimal Required,
    decimal? Actual,
    RequirementOutcome Outcome,
    bool IsEstimate);

using CertBot.Knowledge.Model;

namespace CertBot.Knowledge.Recommendations;

/// <summary>
/// Judges readiness from the vendor's stated experience and the person's profile. The rules (also stated beside
/// <c>typicalExperience</c> in dialogs/knowledge.yaml):
/// <list type="number">
/// <item>Requirements: the vendor's ML years, or, when the vendor publishes none, the typical ML years of the
/// credential's level (marked as an estimate); and the vendor's years on its platform, which apply only when the
/// person targets that platform or is undecided (someone targeting AWS is not held to Google's platform years, nor
/// told of them). Another platform's credential with such a requirement is at best Check, since the person's years
/// there were never asked: a card for someone targeting AWS never shows Google's exam as Ready.</item>
/// <item>Each requirement: met → Ready; short by at most half of it (e.g. 0.5 of 1, 2 of 3) → Close; further short
/// → NotYet; the person's figure unknown (years on the platform not given, or no single target cloud) → Check.</item>
/// <item>The credential gets its worst requirement's level, in the order Ready, Close, Check, NotYet: an unknown fact
/// is never Ready, and never hides a known large shortfall.</item>
/// <item>Consistency: on one platform a harder credential (associate, then professional; specialty counts as
/// professional) is never rated better than an easier one; it is capped and names the one that capped it.</item>
/// </list>
/// </summary>
public sealed class ReadinessJudge
{
    private readonly IReadOnlyDictionary<CredentialLevel, decimal> _typicalMlYears;

    /// <summary>Creates a judge over the knowledge file's typical ML years per level.</summary>
    public ReadinessJudge(IReadOnlyDictionary<CredentialLevel, decimal> typicalMlYears)
    {
        ArgumentNullException.ThrowIfNull(typicalMlYears);
        _typicalMlYears = typicalMlYears;
    }

    /// <summary>Judges every credential for <paramref name="profile"/>, then applies the consistency rule across them.</summary>
    public IReadOnlyList<CredentialReadiness> Judge(IEnumerable<Credential> credentials, LearnerProfile profile)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(profile);
        var judged = credentials.Select(c => JudgeOne(c, profile)).ToArray();
        return Consistent(judged);
    }

    /// <summary>The credential's own judgement, before the consistency rule.</summary>
    public CredentialReadiness JudgeOne(Credential credential, LearnerProfile profile)
    {
        ArgumentNullException.ThrowIfNull(credential);
        ArgumentNullException.ThrowIfNull(profile);
        var checks = new List<RequirementCheck>();
        var published = credential.Experience.MlYears;
        var mlRequired = published ?? _typicalMlYears.GetValueOrDefault(credential.Level);
        // A zero requirement says nothing to the person, so it is not listed (foundational exams).
        if (mlRequired > 0)
        {
            checks.Add(Check(RequirementKind.MlYears, credential.Platform, mlRequired, profile.MlYears, isEstimate: published is null));
        }

        if (credential.Experience.PlatformYears is { } platformRequired && platformRequired > 0 && Applies(credential.Platform, profile.Cloud))
        {
            // The profile's cloud years describe its target cloud only; undecided people have none to compare.
            var actual = Same(credential.Platform, profile.Cloud) ? profile.CloudYears : null;
            checks.Add(Check(RequirementKind.PlatformYears, credential.Platform, platformRequired, actual, isEstimate: false));
        }

        var level = checks.Count == 0 ? ReadinessLevel.Ready : checks.Max(LevelOf);
        var unasked = credential.Experience.PlatformYears is > 0 && !Applies(credential.Platform, profile.Cloud);
        return new CredentialReadiness(credential, unasked && level < ReadinessLevel.Check ? ReadinessLevel.Check : level, checks);
    }

    /// <summary>How demanding a level is; specialty exams are judged as professional ones.</summary>
    public static int Difficulty(CredentialLevel level) => level switch
    {
        CredentialLevel.Foundational => 0,
        CredentialLevel.Associate => 1,
        _ => 2,
    };

    /// <summary>The level one requirement alone would give.</summary>
    public static ReadinessLevel LevelOf(RequirementCheck check)
    {
        ArgumentNullException.ThrowIfNull(check);
        return check.Outcome switch
        {
            RequirementOutcome.Met => ReadinessLevel.Ready,
            RequirementOutcome.Unknown => ReadinessLevel.Check,
            _ when check.Actual >= check.Required / 2 => ReadinessLevel.Close,
            _ => ReadinessLevel.NotYet,
        };
    }

    private static RequirementCheck Check(RequirementKind kind, CloudPlatform platform, decimal required, decimal? actual, bool isEstimate)
    {
        var outcome = actual is not { } years ? RequirementOutcome.Unknown
            : years >= required ? RequirementOutcome.Met
            : RequirementOutcome.Shortfall;
        return new RequirementCheck(kind, platform, required, actual, outcome, isEstimate);
    }

    private static CredentialReadiness[] Consistent(CredentialReadiness[] judged)
    {
        // Easiest first, so a cap set on a professional exam already reflects every easier one on its platform.
        var order = judged.Select((r, i) => (r, i)).OrderBy(x => Difficulty(x.r.Credential.Level)).Select(x => x.i).ToArray();
        foreach (var index in order)
        {
            var current = judged[index];
            var cap = judged
                .Where(e => e.Credential.Platform == current.Credential.Platform
                    && Difficulty(e.Credential.Level) < Difficulty(current.Credential.Level))
                .OrderByDescending(e => e.Level)
                .FirstOrDefault();
            if (cap is not null && cap.Level > current.Level)
            {
                judged[index] = current with { Level = cap.Level, LimitedBy = cap.Credential };
            }
        }

        return judged;
    }

    private static bool Applies(CloudPlatform platform, TargetCloud cloud) =>
        platform != CloudPlatform.None && (cloud == TargetCloud.Undecided || Same(platform, cloud));

    private static bool Same(CloudPlatform platform, TargetCloud cloud) =>
        (platform, cloud) is (CloudPlatform.Gcp, TargetCloud.Gcp) or (CloudPlatform.Aws, TargetCloud.Aws) or (CloudPlatform.Azure, TargetCloud.Azure);
}

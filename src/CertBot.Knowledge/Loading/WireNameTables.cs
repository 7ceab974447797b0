using CertBot.Knowledge.Model;

namespace CertBot.Knowledge.Loading;

/// <summary>The enum spellings the knowledge file uses.</summary>
/// <remarks>
/// Plain dictionaries, not frozen ones: a handful of names each, read once per knowledge load, and building a
/// FrozenDictionary for each enum type compiled its whole key analysis per type at start-up (about 60 ms before the
/// first answer). They enumerate in the order written here, as the frozen ones did (the "expected one of" lists).
/// </remarks>
internal static class WireNameTables
{
    public static IReadOnlyDictionary<string, CredentialKind> Kinds { get; } = new Dictionary<string, CredentialKind>(StringComparer.Ordinal)
    {
        ["vendor-exam"] = CredentialKind.VendorExam,
        ["course-certificate"] = CredentialKind.CourseCertificate,
    };

    public static IReadOnlyDictionary<string, CloudPlatform> Platforms { get; } = new Dictionary<string, CloudPlatform>(StringComparer.Ordinal)
    {
        ["gcp"] = CloudPlatform.Gcp,
        ["aws"] = CloudPlatform.Aws,
        ["azure"] = CloudPlatform.Azure,
        ["none"] = CloudPlatform.None,
    };

    public static IReadOnlyDictionary<string, CredentialStatus> Statuses { get; } = new Dictionary<string, CredentialStatus>(StringComparer.Ordinal)
    {
        ["active"] = CredentialStatus.Active,
        ["retiring"] = CredentialStatus.Retiring,
        ["retired"] = CredentialStatus.Retired,
        ["unconfirmed"] = CredentialStatus.Unconfirmed,
    };

    public static IReadOnlyDictionary<string, CredentialLevel> Levels { get; } = new Dictionary<string, CredentialLevel>(StringComparer.Ordinal)
    {
        ["foundational"] = CredentialLevel.Foundational,
        ["associate"] = CredentialLevel.Associate,
        ["professional"] = CredentialLevel.Professional,
        ["specialty"] = CredentialLevel.Specialty,
    };

    public static IReadOnlyDictionary<string, CredentialTrack> Tracks { get; } = new Dictionary<string, CredentialTrack>(StringComparer.Ordinal)
    {
        ["ml-engineering"] = CredentialTrack.MlEngineering,
        ["related"] = CredentialTrack.Related,
    };

    public static IReadOnlyDictionary<string, Role> Roles { get; } = Enum.GetValues<Role>()
        .ToDictionary(r => r.ToWireName(), r => r, StringComparer.Ordinal);

    public static IReadOnlyDictionary<string, TargetCloud> Clouds { get; } = Enum.GetValues<TargetCloud>()
        .ToDictionary(c => c.ToWireName(), c => c, StringComparer.Ordinal);

    public static IReadOnlyDictionary<string, PathStepKind> StepKinds { get; } = new Dictionary<string, PathStepKind>(StringComparer.Ordinal)
    {
        ["course"] = PathStepKind.Course,
        ["project"] = PathStepKind.Project,
        ["practice"] = PathStepKind.Practice,
        ["credential"] = PathStepKind.Credential,
    };
}

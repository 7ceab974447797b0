using System.Collections.Frozen;
using CertBot.Knowledge.Model;

namespace CertBot.Knowledge.Loading;

/// <summary>The enum spellings the knowledge file uses.</summary>
internal static class WireNameTables
{
    public static FrozenDictionary<string, CredentialKind> Kinds { get; } = new Dictionary<string, CredentialKind>
    {
        ["vendor-exam"] = CredentialKind.VendorExam,
        ["course-certificate"] = CredentialKind.CourseCertificate,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static FrozenDictionary<string, CloudPlatform> Platforms { get; } = new Dictionary<string, CloudPlatform>
    {
        ["gcp"] = CloudPlatform.Gcp,
        ["aws"] = CloudPlatform.Aws,
        ["azure"] = CloudPlatform.Azure,
        ["none"] = CloudPlatform.None,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static FrozenDictionary<string, CredentialStatus> Statuses { get; } = new Dictionary<string, CredentialStatus>
    {
        ["active"] = CredentialStatus.Active,
        ["retiring"] = CredentialStatus.Retiring,
        ["retired"] = CredentialStatus.Retired,
        ["unconfirmed"] = CredentialStatus.Unconfirmed,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static FrozenDictionary<string, CredentialLevel> Levels { get; } = new Dictionary<string, CredentialLevel>
    {
        ["foundational"] = CredentialLevel.Foundational,
        ["associate"] = CredentialLevel.Associate,
        ["professional"] = CredentialLevel.Professional,
        ["specialty"] = CredentialLevel.Specialty,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static FrozenDictionary<string, CredentialTrack> Tracks { get; } = new Dictionary<string, CredentialTrack>
    {
        ["ml-engineering"] = CredentialTrack.MlEngineering,
        ["related"] = CredentialTrack.Related,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static FrozenDictionary<string, Role> Roles { get; } = Enum.GetValues<Role>()
        .ToFrozenDictionary(r => r.ToWireName(), r => r, StringComparer.Ordinal);

    public static FrozenDictionary<string, TargetCloud> Clouds { get; } = Enum.GetValues<TargetCloud>()
        .ToFrozenDictionary(c => c.ToWireName(), c => c, StringComparer.Ordinal);

    public static FrozenDictionary<string, PathStepKind> StepKinds { get; } = new Dictionary<string, PathStepKind>
    {
        ["course"] = PathStepKind.Course,
        ["project"] = PathStepKind.Project,
        ["practice"] = PathStepKind.Practice,
        ["credential"] = PathStepKind.Credential,
    }.ToFrozenDictionary(StringComparer.Ordinal);
}

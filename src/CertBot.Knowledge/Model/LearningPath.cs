namespace CertBot.Knowledge.Model;

/// <summary>The ordered steps the article recommends for a persona, and the vendor credential per target cloud.</summary>
public sealed record LearningPath(
    Role Persona,
    string Summary,
    IReadOnlyList<PathStep> Steps,
    IReadOnlyDictionary<TargetCloud, string> CredentialByCloud)
{
    /// <summary>The credential id for a cloud, or null when the path names none (e.g. undecided).</summary>
    public string? CredentialFor(TargetCloud cloud) =>
        CredentialByCloud.TryGetValue(cloud, out var id) ? id : null;
}

namespace CertBot.Knowledge.Model;

/// <summary>A vendor exam or course certificate, with its status and the date its facts were checked.</summary>
public sealed record Credential(
    string Id,
    string Name,
    string Vendor,
    string? ExamCode,
    CredentialKind Kind,
    CloudPlatform Platform,
    CredentialStatus Status,
    DateOnly? RetiredOn,
    string? SuccessorId,
    ExperienceRequirement Experience,
    IReadOnlyList<string> Covers,
    string Format,
    string Cost,
    string PreparationTime,
    Uri OfficialLink,
    IReadOnlyList<SourceLink> Sources,
    DateOnly LastVerified,
    string? Caveat)
{
    /// <summary>True when the credential can still be recommended.</summary>
    public bool IsRecommendable => Status != CredentialStatus.Retired;
}

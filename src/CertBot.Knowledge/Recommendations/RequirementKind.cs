namespace CertBot.Knowledge.Recommendations;

/// <summary>Which experience figure a requirement is about.</summary>
public enum RequirementKind
{
    /// <summary>Years of hands-on machine-learning work.</summary>
    MlYears,

    /// <summary>Years on the credential's own cloud platform.</summary>
    PlatformYears,
}

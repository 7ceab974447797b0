namespace CertBot.Knowledge.Model;

/// <summary>The vendor's own tier for a credential, so cards can show how demanding it is.</summary>
public enum CredentialLevel
{
    /// <summary>Entry level: concepts and service awareness, no production experience expected.</summary>
    Foundational,

    /// <summary>Role-based, for people with about a year of hands-on work.</summary>
    Associate,

    /// <summary>Role-based, for experienced practitioners.</summary>
    Professional,

    /// <summary>A deep single-domain exam (AWS's term).</summary>
    Specialty,
}

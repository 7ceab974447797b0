namespace CertBot.Knowledge.Model;

/// <summary>Whether a credential can still be earned.</summary>
public enum CredentialStatus
{
    /// <summary>Can be earned today.</summary>
    Active,

    /// <summary>Still available but a retirement date is announced.</summary>
    Retiring,

    /// <summary>Can no longer be earned; never recommend it.</summary>
    Retired,
}

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

    /// <summary>
    /// The vendor's own page did not confirm the current status (for example only community pages report a
    /// retirement); say so and link the official page instead of stating a status. Never recommend it.
    /// </summary>
    Unconfirmed,
}

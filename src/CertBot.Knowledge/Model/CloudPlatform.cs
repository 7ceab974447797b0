namespace CertBot.Knowledge.Model;

/// <summary>The platform a credential is tied to (none for platform-neutral course certificates).</summary>
public enum CloudPlatform
{
    /// <summary>Google Cloud.</summary>
    Gcp,

    /// <summary>Amazon Web Services.</summary>
    Aws,

    /// <summary>Microsoft Azure.</summary>
    Azure,

    /// <summary>Not tied to a cloud.</summary>
    None,
}

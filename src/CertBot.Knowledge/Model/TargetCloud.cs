namespace CertBot.Knowledge.Model;

/// <summary>The cloud a learner's target employer runs on, or undecided.</summary>
public enum TargetCloud
{
    /// <summary>Google Cloud.</summary>
    Gcp,

    /// <summary>Amazon Web Services.</summary>
    Aws,

    /// <summary>Microsoft Azure.</summary>
    Azure,

    /// <summary>No target cloud chosen yet.</summary>
    Undecided,
}

namespace CertBot.Knowledge.Hosting;

/// <summary>Where the semantic FAQ index of the knowledge in service stands; reported by the readiness probe.</summary>
public enum SemanticIndexStatus
{
    /// <summary>No embedding generator is configured, or semantic matching is turned off.</summary>
    Disabled,

    /// <summary>The model is loading or the entry vectors are being computed; lexical answers until then.</summary>
    Building,

    /// <summary>The knowledge in service has its entry vectors.</summary>
    Ready,

    /// <summary>Building failed (see the log); matching stays lexical.</summary>
    Failed,
}

namespace CertBot.Knowledge.Model;

/// <summary>Whether a credential is one the bot recommends for ML engineering or one it only describes when asked.</summary>
public enum CredentialTrack
{
    /// <summary>A vendor's ML-engineering credential: may be recommended and compared (when its status allows).</summary>
    MlEngineering,

    /// <summary>Asked about next to the ML-engineering ones (foundational, data science); described, never recommended or compared.</summary>
    Related,
}

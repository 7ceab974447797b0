namespace CertBot.Embeddings.Model;

/// <summary>What loading found in the model cache folder.</summary>
internal enum ModelCacheState
{
    /// <summary>A complete, matching file was there and was used as it was.</summary>
    Reused,

    /// <summary>No file was there; it was written.</summary>
    Written,

    /// <summary>A file was there but truncated, corrupt or unverifiable; it was replaced.</summary>
    Replaced,
}

using CertBot.Embeddings;

namespace CertBot.Hosting;

/// <summary>Configuration section "Embeddings:PhrasingVectors": the file the FAQ phrasings' vectors are kept in between runs.</summary>
public sealed class PhrasingVectorCacheOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = MiniLmOptions.SectionName + ":PhrasingVectors";

    /// <summary>The file name used when <see cref="Path"/> is not set.</summary>
    public const string DefaultFileName = "faq-phrasing-vectors.bin";

    /// <summary>Keeps the vectors between runs; off embeds every phrasing at every start and reload.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The cache file; null or empty means <see cref="DefaultFileName"/> next to the model file (<c>Embeddings:CacheDirectory</c>).</summary>
    public string? Path { get; set; }

    /// <summary>The cache file after applying the default.</summary>
    public string ResolvePath(MiniLmOptions embeddings)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        return string.IsNullOrWhiteSpace(Path)
            ? System.IO.Path.Combine(embeddings.ResolveCacheDirectory(), DefaultFileName)
            : System.IO.Path.GetFullPath(Path);
    }
}

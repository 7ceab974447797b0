namespace CertBot.Embeddings;

/// <summary>Configuration section "Embeddings": where the model file is cached and how inputs are cut.</summary>
public sealed class MiniLmOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Embeddings";

    /// <summary>The model's position table has 512 entries; longer sequences cannot be run at all.</summary>
    public const int ModelMaxTokens = 512;

    /// <summary>
    /// Folder for the extracted model file. Null or empty means a <c>certbot-models</c> folder under the OS temp
    /// folder, which every host can write to (local app data is often read-only in containers).
    /// </summary>
    public string? CacheDirectory { get; set; }

    /// <summary>
    /// Most tokens per input, [CLS] and [SEP] included; longer inputs are truncated. The default is the length the
    /// model was trained on: beyond it quality drops while cost grows quadratically.
    /// </summary>
    public int MaxTokens { get; set; } = 128;

    /// <summary>Most inputs run through the model at once; larger requests are split so padding and memory stay bounded.</summary>
    public int MaxBatchSize { get; set; } = 32;

    /// <summary>
    /// Bytes of recently embedded texts kept in memory (0 turns it off). People ask the same FAQ questions again and
    /// again; a repeated question then costs a lookup instead of a run of the model (a few milliseconds of CPU).
    /// </summary>
    public long CacheBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>
    /// How long after the host starts listening the model starts loading. Loading takes a core for a few seconds; the
    /// first people's requests, which arrive at once, are answered lexically meanwhile instead of waiting for a core.
    /// </summary>
    public TimeSpan StartDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The cache folder after applying the default.</summary>
    public string ResolveCacheDirectory() =>
        string.IsNullOrWhiteSpace(CacheDirectory)
            ? Path.Combine(Path.GetTempPath(), "certbot-models")
            : Path.GetFullPath(CacheDirectory);

    internal void Validate()
    {
        if (MaxTokens is < 3 or > ModelMaxTokens)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxTokens), MaxTokens, $"MaxTokens must be between 3 and {ModelMaxTokens}.");
        }

        if (StartDelay < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(StartDelay), StartDelay, "StartDelay must not be negative.");
        }

        if (CacheBytes < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(CacheBytes), CacheBytes, "CacheBytes must be 0 (off) or more.");
        }

        if (MaxBatchSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxBatchSize), MaxBatchSize, "MaxBatchSize must be at least 1.");
        }
    }
}

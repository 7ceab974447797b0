using CertBot.Embeddings.Model;
using Microsoft.Extensions.Logging;

namespace CertBot.Embeddings;

/// <summary>Source-generated log messages of the embedding generator.</summary>
internal static partial class MiniLmEmbeddingGeneratorLog
{
    [LoggerMessage(EventId = 4600, Level = LogLevel.Information, Message = "all-MiniLM-L6-v2 loaded in {ElapsedMilliseconds} ms from {ModelPath} (cache {CacheState}, max {MaxTokens} tokens)")]
    public static partial void Loaded(ILogger logger, long elapsedMilliseconds, string modelPath, ModelCacheState cacheState, int maxTokens);

    [LoggerMessage(EventId = 4601, Level = LogLevel.Warning, Message = "Cached model {ModelPath} was truncated or damaged and has been replaced")]
    public static partial void CacheReplaced(ILogger logger, string modelPath);
}

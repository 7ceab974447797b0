using Microsoft.Extensions.AI;
using Microsoft.Extensions.Caching.Memory;

namespace CertBot.Hosting;

/// <summary>
/// The bounded in-process cache in front of the model (Embeddings:CacheBytes), keeping the vectors themselves. The
/// library's distributed cache stores every vector as JSON, so each hit parsed a few hundred numbers back from text:
/// in process that was more CPU than the rest of a lexical FAQ turn.
/// </summary>
internal sealed class MemoryCachingEmbeddingGenerator : CachingEmbeddingGenerator<string, Embedding<float>>
{
    // Counted with each entry beside its vector and key (the entry, the embedding and the array headers).
    private const int EntryOverheadBytes = 160;

    private readonly MemoryCache _cache;

    public MemoryCachingEmbeddingGenerator(IEmbeddingGenerator<string, Embedding<float>> inner, long sizeLimitBytes)
        : base(inner)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sizeLimitBytes);
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = sizeLimitBytes });
    }

    protected override string GetCacheKey(params ReadOnlySpan<object?> values)
    {
        // The text and the (usually absent) options: a text alone is its own key, anything else is hashed as the
        // library's own cache does.
        if (values.Length > 0 && values[0] is string text)
        {
            var rest = true;
            foreach (var value in values[1..])
            {
                rest &= value is null;
            }

            if (rest)
            {
                return text;
            }
        }

        return "\u0001" + AIJsonUtilities.HashDataToString(values, AIJsonUtilities.DefaultOptions);
    }

    protected override Task<Embedding<float>?> ReadCacheAsync(string key, CancellationToken cancellationToken) =>
        Task.FromResult(_cache.TryGetValue(key, out Embedding<float>? embedding) ? embedding : null);

    protected override Task WriteCacheAsync(string key, Embedding<float> value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        var size = (value.Vector.Length * sizeof(float)) + (key.Length * sizeof(char)) + EntryOverheadBytes;
        // An entry larger than the whole cache is not kept (the cache refuses it), so the model runs again next time.
        _cache.Set(key, value, new MemoryCacheEntryOptions { Size = size });
        return Task.CompletedTask;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _cache.Dispose();
        }

        base.Dispose(disposing);
    }
}

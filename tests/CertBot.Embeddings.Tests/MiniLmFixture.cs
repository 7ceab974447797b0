namespace CertBot.Embeddings.Tests;

/// <summary>One loaded generator per test class: loading takes a second or two and the generator is thread-safe.</summary>
public sealed class MiniLmFixture : IAsyncLifetime, IDisposable
{
    private readonly TemporaryDirectory _cache = new();

    public MiniLmEmbeddingGenerator Generator { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Generator = await MiniLmEmbeddingGenerator.LoadAsync(new MiniLmOptions { CacheDirectory = _cache.Path });

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        Generator?.Dispose();
        _cache.Dispose();
    }

    /// <summary>The embedding of one text, as a plain array.</summary>
    public async Task<float[]> EmbedAsync(string text, CancellationToken cancellationToken = default)
    {
        var result = await Generator.GenerateAsync([text], cancellationToken: cancellationToken);
        return result[0].Vector.ToArray();
    }

    /// <summary>Cosine similarity; the vectors are unit length, so it is their dot product.</summary>
    public static float Cosine(float[] a, float[] b) => a.Zip(b, (x, y) => x * y).Sum();
}

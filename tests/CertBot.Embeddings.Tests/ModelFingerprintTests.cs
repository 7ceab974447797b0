namespace CertBot.Embeddings.Tests;

/// <summary>The fingerprint that keys vectors kept between runs (the FAQ phrasing cache) to what produced them.</summary>
public sealed class ModelFingerprintTests
{
    [Fact]
    public async Task LoadAsync_SameModelWrittenThenReused_SameFingerprint()
    {
        using var cache = new TemporaryDirectory();
        var options = new MiniLmOptions { CacheDirectory = cache.Path };
        string written;
        using (var first = await MiniLmEmbeddingGenerator.LoadAsync(options))
        {
            written = first.Fingerprint;
        }

        using var reused = await MiniLmEmbeddingGenerator.LoadAsync(options);

        Assert.Equal(written, reused.Fingerprint);
        Assert.Matches("^[0-9A-F]{64}$", written);
    }

    [Fact]
    public async Task LoadAsync_OtherInputLength_OtherFingerprint()
    {
        // A shorter input cut changes the vectors of long phrasings, so their kept vectors must not be served.
        using var cache = new TemporaryDirectory();
        using var standard = await MiniLmEmbeddingGenerator.LoadAsync(new MiniLmOptions { CacheDirectory = cache.Path });
        using var shorter = await MiniLmEmbeddingGenerator.LoadAsync(new MiniLmOptions { CacheDirectory = cache.Path, MaxTokens = 64 });

        Assert.NotEqual(standard.Fingerprint, shorter.Fingerprint);
    }
}

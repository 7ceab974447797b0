using CertBot.Hosting;
using CertBot.Knowledge.Faq;
using CertBot.Knowledge.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace CertBot.Tests.Hosting;

/// <summary>Embeddings:PhrasingVectors keeps the FAQ phrasings' vectors next to the model file, or where the operator says, or not at all.</summary>
public sealed class PhrasingVectorCacheHostTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("certbot-phrasing-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Build_NoPathSet_FileIsNextToTheModelFile()
    {
        using var app = CertBotApp.Build(["--Storage:Provider=Memory", $"--Embeddings:CacheDirectory={_directory}"]);

        Assert.Equal(Path.Combine(_directory, PhrasingVectorCacheOptions.DefaultFileName), app.Services.GetRequiredService<PhrasingVectorCache>().FilePath);
    }

    [Fact]
    public void Build_PathSet_FileIsThere()
    {
        var moved = Path.Combine(_directory, "elsewhere", "vectors.bin");
        using var app = CertBotApp.Build(["--Storage:Provider=Memory", $"--Embeddings:PhrasingVectors:Path={moved}"]);

        Assert.Equal(moved, app.Services.GetRequiredService<PhrasingVectorCache>().FilePath);
    }

    [Fact]
    public async Task Start_ShippedModel_WritesTheFileAndTheNextStartReadsIt()
    {
        await RunUntilIndexedAsync();
        var file = Path.Combine(_directory, PhrasingVectorCacheOptions.DefaultFileName);
        Assert.True(File.Exists(file));
        var written = File.GetLastWriteTimeUtc(file);

        await RunUntilIndexedAsync();

        // Every phrasing was found in the file, so it was not written again.
        Assert.Equal(written, File.GetLastWriteTimeUtc(file));
    }

    [Fact]
    public async Task Start_CacheTurnedOff_WritesNoFile()
    {
        await RunUntilIndexedAsync("--Embeddings:PhrasingVectors:Enabled=false");

        Assert.False(File.Exists(Path.Combine(_directory, PhrasingVectorCacheOptions.DefaultFileName)));
    }

    [Fact]
    public async Task Start_StandInModel_WritesNoFile()
    {
        // A generator put in the model's place has no fingerprint: nothing could tell its vectors from the model's.
        await using var app = CertBotApp.Build(
            ["--Storage:Provider=Memory", $"--Embeddings:CacheDirectory={_directory}"],
            services => services.AddKeyedSingleton<IEmbeddingGenerator<string, Embedding<float>>>(EmbeddingServiceExtensions.ModelKey, new UnitGenerator()));
        var store = app.Services.GetRequiredService<KnowledgeStore>();
        await store.SemanticIndexing.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(SemanticIndexStatus.Ready, store.SemanticStatus);
        Assert.Empty(Directory.GetFiles(_directory));
    }

    private async Task RunUntilIndexedAsync(params string[] extra)
    {
        await using var app = CertBotApp.Build(
            [
                "--urls", "http://127.0.0.1:0", "--Storage:Provider=Memory", "--Logging:LogLevel:Default=Warning",
                "--Embeddings:StartDelay=00:00:00", $"--Embeddings:CacheDirectory={_directory}", .. extra,
            ]);
        await app.StartAsync();
        var store = app.Services.GetRequiredService<KnowledgeStore>();
        await store.SemanticIndexing.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(SemanticIndexStatus.Ready, store.SemanticStatus);
        await app.StopAsync();
    }

    private sealed class UnitGenerator : IEmbeddingGenerator<string, Embedding<float>>
    {
        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(values.Select(t => new Embedding<float>(new[] { 1f, t.Length }))));

        public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

        public void Dispose()
        {
        }
    }
}

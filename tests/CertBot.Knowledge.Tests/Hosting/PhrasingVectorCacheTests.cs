using CertBot.Knowledge.Faq;
using CertBot.Knowledge.Hosting;
using CertBot.Knowledge.Tests.Loading;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace CertBot.Knowledge.Tests.Hosting;

/// <summary>The FAQ phrasings' vectors kept in a file between runs, through the store that builds the semantic index.</summary>
public sealed class PhrasingVectorCacheTests : IDisposable
{
    private const string Fingerprint = "model-1";
    private static readonly string[] Phrasings = ["What is A?", "Tell me about A", "What is B?"];

    private readonly string _directory = Directory.CreateTempSubdirectory("certbot-vectors-").FullName;
    private readonly FakeLogCollector _logs = new();

    private string KnowledgePath => Path.Combine(_directory, "knowledge.yaml");

    private string CachePath => Path.Combine(_directory, "cache", "vectors.bin");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Constructor_WarmCache_EmbedsNothing()
    {
        File.WriteAllText(KnowledgePath, MinimalKnowledge.Yaml);
        var cold = await BuildAsync();

        var warm = await BuildAsync();

        Assert.Equal(Phrasings.Order(StringComparer.Ordinal), cold.Generator.Embedded.Order(StringComparer.Ordinal));
        Assert.Empty(warm.Generator.Embedded);
        Assert.Equal(0, warm.Generator.Calls);
        Assert.Equal(SemanticIndexStatus.Ready, warm.Store.SemanticStatus);
    }

    [Fact]
    public async Task Constructor_ChangedPhrasing_EmbedsOnlyThatPhrasing()
    {
        File.WriteAllText(KnowledgePath, MinimalKnowledge.Yaml);
        await BuildAsync();

        File.WriteAllText(KnowledgePath, MinimalKnowledge.With("alternatives: [Tell me about A]", "alternatives: [Explain A to me]"));
        var changed = await BuildAsync();

        Assert.Equal(["Explain A to me"], changed.Generator.Embedded);
        // The file now holds exactly the phrasings in service: the next start embeds nothing.
        Assert.Empty((await BuildAsync()).Generator.Embedded);
    }

    [Fact]
    public async Task Constructor_OtherModelFingerprint_EmbedsEverythingAgain()
    {
        File.WriteAllText(KnowledgePath, MinimalKnowledge.Yaml);
        await BuildAsync();

        var other = await BuildAsync(fingerprint: "model-2");

        Assert.Equal(Phrasings.Order(StringComparer.Ordinal), other.Generator.Embedded.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Constructor_CorruptCacheFile_IsIgnoredWithOneLogLine()
    {
        File.WriteAllText(KnowledgePath, MinimalKnowledge.Yaml);
        await BuildAsync();
        var bytes = File.ReadAllBytes(CachePath);
        bytes[bytes.Length / 2] ^= 0xFF;
        File.WriteAllBytes(CachePath, bytes);

        var rebuilt = await BuildAsync();

        Assert.Equal(SemanticIndexStatus.Ready, rebuilt.Store.SemanticStatus);
        Assert.Equal(Phrasings.Order(StringComparer.Ordinal), rebuilt.Generator.Embedded.Order(StringComparer.Ordinal));
        var warning = Assert.Single(_logs.GetSnapshot(), r => r.Level == LogLevel.Warning);
        Assert.Equal(4112, warning.Id.Id);
        Assert.Contains(CachePath, warning.Message, StringComparison.Ordinal);
        // Rewritten whole: the next start reads it.
        Assert.Empty((await BuildAsync()).Generator.Embedded);
    }

    [Fact]
    public async Task Constructor_TruncatedOrForeignFile_IsIgnored()
    {
        File.WriteAllText(KnowledgePath, MinimalKnowledge.Yaml);
        Directory.CreateDirectory(Path.GetDirectoryName(CachePath)!);
        File.WriteAllText(CachePath, "not a cache");

        var built = await BuildAsync();

        Assert.Equal(SemanticIndexStatus.Ready, built.Store.SemanticStatus);
        Assert.Equal(3, built.Generator.Embedded.Count);
    }

    [Fact]
    public async Task Constructor_IndexFromTheCache_EqualsTheIndexBuiltFresh()
    {
        File.WriteAllText(KnowledgePath, MinimalKnowledge.Yaml);
        using var fresh = new KnowledgeStore(Options(), watch: false, embeddings: new RecordingGenerator());
        await fresh.SemanticIndexing.WaitAsync(TimeSpan.FromSeconds(10));
        await BuildAsync();

        var cached = await BuildAsync();

        Assert.Empty(cached.Generator.Embedded);
        var a = fresh.Snapshot.Semantic!;
        var b = cached.Store.Snapshot.Semantic!;
        foreach (var text in Phrasings.Append("something else entirely"))
        {
            var query = RecordingGenerator.VectorOf(text);
            var expected = a.Nearest(query);
            var actual = b.Nearest(query);
            Assert.Equal(expected.Best!.Id, actual.Best!.Id);
            Assert.Equal(expected.BestSimilarity, actual.BestSimilarity);
            Assert.Equal(expected.Second?.Id, actual.Second?.Id);
            Assert.Equal(expected.SecondSimilarity, actual.SecondSimilarity);
        }
    }

    [Fact]
    public async Task Constructor_GeneratorWithoutFingerprint_KeepsNoFile()
    {
        File.WriteAllText(KnowledgePath, MinimalKnowledge.Yaml);
        await BuildAsync(fingerprint: null);

        var again = await BuildAsync(fingerprint: null);

        Assert.False(File.Exists(CachePath));
        Assert.Equal(3, again.Generator.Embedded.Count);
    }

    private KnowledgeOptions Options() => new() { Path = KnowledgePath, StaleAfterDays = 100000 };

    private async Task<(KnowledgeStore Store, RecordingGenerator Generator)> BuildAsync(string? fingerprint = Fingerprint)
    {
        var generator = new RecordingGenerator();
        var cache = new PhrasingVectorCache(CachePath, _ => Task.FromResult(fingerprint), new FakeLogger<PhrasingVectorCache>(_logs));
        var store = new KnowledgeStore(Options(), watch: false, embeddings: generator, vectorCache: cache);
        await store.SemanticIndexing.WaitAsync(TimeSpan.FromSeconds(10));
        store.Dispose();
        return (store, generator);
    }

    /// <summary>A deterministic vector per text (from its characters), recording every text it is asked to embed.</summary>
    private sealed class RecordingGenerator : IEmbeddingGenerator<string, Embedding<float>>
    {
        public List<string> Embedded { get; } = [];

        public int Calls { get; private set; }

        public static float[] VectorOf(string text)
        {
            var vector = new float[8];
            for (var i = 0; i < text.Length; i++)
            {
                vector[i % vector.Length] += text[i] / 100f;
            }

            return vector;
        }

        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            Calls++;
            var texts = values.ToList();
            Embedded.AddRange(texts);
            return Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(texts.Select(t => new Embedding<float>(VectorOf(t)))));
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

        public void Dispose()
        {
        }
    }
}

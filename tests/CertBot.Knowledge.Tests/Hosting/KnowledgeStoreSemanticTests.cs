using CertBot.Knowledge.Hosting;
using CertBot.Knowledge.Tests.Faq;
using CertBot.Knowledge.Tests.Loading;
using Microsoft.Extensions.AI;

namespace CertBot.Knowledge.Tests.Hosting;

/// <summary>The semantic index is built off the request path for each knowledge generation and swapped in with it.</summary>
public sealed class KnowledgeStoreSemanticTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("certbot-semantic-").FullName;

    private string FilePath => Path.Combine(_directory, "knowledge.yaml");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private KnowledgeOptions Options(bool enabled = true) => new()
    {
        Path = FilePath,
        StaleAfterDays = 100000,
        Semantic = new() { Enabled = enabled },
    };

    [Fact]
    public async Task Constructor_WithGenerator_BuildsTheIndexInTheBackground()
    {
        File.WriteAllText(FilePath, MinimalKnowledge.Yaml);
        using var store = new KnowledgeStore(Options(), watch: false, embeddings: new ScriptedEmbeddingGenerator(4, new Dictionary<string, float[]>()));

        await store.SemanticIndexing.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(SemanticIndexStatus.Ready, store.SemanticStatus);
        Assert.NotNull(store.Snapshot.Semantic);
        Assert.Equal(store.Snapshot.Knowledge.Faqs.Count, store.Snapshot.Semantic!.Entries.Count);
    }

    [Fact]
    public async Task TryReload_WithGenerator_RebuildsTheIndexForTheNewGeneration()
    {
        File.WriteAllText(FilePath, MinimalKnowledge.Yaml);
        using var store = new KnowledgeStore(Options(), watch: false, embeddings: new ScriptedEmbeddingGenerator(4, new Dictionary<string, float[]>()));
        await store.SemanticIndexing.WaitAsync(TimeSpan.FromSeconds(10));
        var first = store.Snapshot.Semantic;

        File.WriteAllText(FilePath, MinimalKnowledge.With("version: \"t1\"", "version: \"t2\""));
        store.TryReload();
        await store.SemanticIndexing.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("t2", store.Snapshot.Knowledge.Version);
        Assert.NotNull(store.Snapshot.Semantic);
        Assert.NotSame(first, store.Snapshot.Semantic);
    }

    [Fact]
    public async Task Constructor_TwoLocales_IndexesEachFromItsOwnPhrasings()
    {
        File.WriteAllText(FilePath, MinimalKnowledge.Yaml);
        File.WriteAllText(Path.Combine(_directory, "knowledge.fr.yaml"), "faqs:\n  - id: faq-a\n    question: Qu'est-ce que A ?\n    alternatives: [Parle-moi de A]\n");
        // Only the French phrasings point somewhere: an index built from the English ones would average to zero.
        var french = ScriptedEmbeddingGenerator.Axis(4, 2);
        using var store = new KnowledgeStore(Options(), watch: false, embeddings: new ScriptedEmbeddingGenerator(4, new Dictionary<string, float[]>
        {
            ["Qu'est-ce que A ?"] = french,
            ["Parle-moi de A"] = french,
        }));

        await store.SemanticIndexing.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(SemanticIndexStatus.Ready, store.SemanticStatus);
        var frenchIndex = store.SnapshotFor("fr").Semantic!;
        var englishIndex = store.Snapshot.Semantic!;
        var nearest = frenchIndex.Nearest(french);
        Assert.Equal(("faq-a", 1f), (nearest.Best!.Id, MathF.Round(nearest.BestSimilarity, 3)));
        Assert.Equal(0f, MathF.Round(englishIndex.Nearest(french).BestSimilarity, 3));
    }

    [Fact]
    public async Task Constructor_GeneratorFails_KeepsLexicalMatchingAndReportsFailed()
    {
        File.WriteAllText(FilePath, MinimalKnowledge.Yaml);
        using var store = new KnowledgeStore(Options(), watch: false, embeddings: new FailingGenerator());

        await store.SemanticIndexing.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(SemanticIndexStatus.Failed, store.SemanticStatus);
        Assert.Null(store.Snapshot.Semantic);
        Assert.NotNull(store.Snapshot.Matcher);
    }

    [Fact]
    public void Constructor_SemanticDisabled_NeverAsksTheGenerator()
    {
        File.WriteAllText(FilePath, MinimalKnowledge.Yaml);
        var generator = new ScriptedEmbeddingGenerator(4, new Dictionary<string, float[]>());
        using var store = new KnowledgeStore(Options(enabled: false), watch: false, embeddings: generator);

        Assert.Equal(SemanticIndexStatus.Disabled, store.SemanticStatus);
        Assert.Equal(0, generator.Calls);
    }

    private sealed class FailingGenerator : IEmbeddingGenerator<string, Embedding<float>>
    {
        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
            => throw new InvalidOperationException("model file is corrupt");

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}

using BenchmarkDotNet.Attributes;
using CertBot.Embeddings;
using Microsoft.Extensions.AI;

namespace CertBot.Benchmarks;

/// <summary>Cost of one all-MiniLM-L6-v2 embedding for a short question and a long chat message.</summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 10)]
public class EmbeddingBenchmarks
{
    // 8 words, 11 tokens with [CLS] and [SEP].
    private const string ShortQuestion = "How much does the AWS Solutions Architect exam cost?";

    // About 60 words, 75 tokens: a learner describing their background in one message.
    private const string LongMessage =
        "I have been working as a backend developer for about five years, mostly with Java and some Python, and " +
        "for the last year I have been deploying our services to Azure with Terraform and GitHub Actions. My manager " +
        "wants me to take over our cloud architecture, so I am wondering which certification I should start with " +
        "and how long I should plan to study for it.";

    private MiniLmEmbeddingGenerator _generator = null!;

    [GlobalSetup]
    public void Setup() => _generator = MiniLmEmbeddingGenerator.LoadAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => _generator.Dispose();

    [Benchmark(Baseline = true)]
    public Task<Embedding<float>> EmbeddingShortQuestion() => _generator.GenerateAsync(ShortQuestion);

    [Benchmark]
    public Task<Embedding<float>> EmbeddingLongMessage() => _generator.GenerateAsync(LongMessage);
}

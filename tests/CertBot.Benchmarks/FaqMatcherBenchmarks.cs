using BenchmarkDotNet.Attributes;
using CertBot.Knowledge.Faq;
using CertBot.Knowledge.Loading;
using CertBot.Knowledge.Model;

namespace CertBot.Benchmarks;

/// <summary>Per-query cost of the FAQ matcher on the real knowledge file and on 2,000 generated entries.</summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 10)]
public class FaqMatcherBenchmarks
{
    private FaqMatcher _real = null!;
    private FaqMatcher _large = null!;

    [Params(
        "how long to prepare for google ml engineer exam",
        "is a certifcation requred to get hired",
        "what's the weather like in seattle tomorrow")]
    public string Utterance { get; set; } = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "dialogs", "knowledge.yaml");
        var knowledge = KnowledgeLoader.Load(path, KnowledgeValidationOptions.Default).Knowledge
            ?? throw new InvalidOperationException("knowledge file invalid");
        _real = new FaqMatcher(knowledge);
        _large = new FaqMatcher(GeneratedFaqs.Create(2000, knowledge), knowledge.Lexicon);
    }

    [Benchmark(Baseline = true)]
    public FaqMatch FaqRealFile() => _real.Match(Utterance);

    [Benchmark]
    public FaqMatch Faq2000Entries() => _large.Match(Utterance);
}

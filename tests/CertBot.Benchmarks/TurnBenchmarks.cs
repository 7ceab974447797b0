using BenchmarkDotNet.Attributes;
using CertBot.Hosting;
using CertBot.Protocol.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace CertBot.Benchmarks;

/// <summary>
/// Whole bot turns through the real pipeline in-process (adapter, state read and write, dialog, FAQ,
/// recommender, card composition and serialization); no HTTP and no JWT validation (local mode).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 10)]
public class TurnBenchmarks
{
    private WebApplication _app = null!;
    private CloudAdapter _adapter = null!;
    private string _sqlitePath = "";
    private int _sequence;

    [Params("Memory", "Sqlite")]
    public string Storage { get; set; } = "Memory";

    [GlobalSetup]
    public void Setup()
    {
        _sqlitePath = Path.Combine(Path.GetTempPath(), $"certbot-bench-{Guid.NewGuid():N}.db");
        _app = CertBotApp.Build(["--Logging:LogLevel:Default=Error", $"--Storage:Provider={Storage}", $"--Storage:SqlitePath={_sqlitePath}"]);
        _adapter = _app.Services.GetRequiredService<CloudAdapter>();
        // Measure the bot as it serves once warm: the embedding model and recognizers load in the background.
        CertBot.Cli.CertBotServices.WhenModelsReadyAsync(_app.Services, CancellationToken.None).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _app.DisposeAsync();
        File.Delete(_sqlitePath);
    }

    /// <summary>A typed FAQ question answered with an answer card.</summary>
    [Benchmark]
    public Task<TurnResult> FaqTurn() => Send("do i need a certifcation to get hired");

    /// <summary>A paraphrase the lexical matcher is not sure of: one sentence embedding decides.</summary>
    [Benchmark]
    public Task<TurnResult> SemanticFaqTurn() => Send("could someone who has only done online tutorials realistically pass one of these exams");

    /// <summary>Several sentences of context before the question: the question part is matched and, if needed, embedded.</summary>
    [Benchmark]
    public Task<TurnResult> LongQuestionTurn() => Send(
        "I have been a backend developer for nine years, mostly Java and a bit of Go. My company started an AI team this spring " +
        "and my manager keeps mentioning certificates before the review cycle. Honestly I am not sure where to begin. " +
        "Is it even possible to pass one of these vendor exams without real hands-on experience?");

    /// <summary>"Which cert should I get": the interview starts and asks the first question.</summary>
    [Benchmark]
    public Task<TurnResult> DialogStartTurn() => Send("which cert should I get?");

    /// <summary>Everything at once: slot extraction, recommender and the full recommendation card.</summary>
    [Benchmark]
    public Task<TurnResult> RecommendationTurn() => Send("data scientist, 4 years of ML, azure");

    private Task<TurnResult> Send(string text)
    {
        // A new user and conversation every time, so every turn does the same work (no earlier state to continue).
        var n = Interlocked.Increment(ref _sequence);
        return _adapter.ProcessActivityAsync(BenchActivities.Message("bench-" + n, text), null, CancellationToken.None);
    }
}

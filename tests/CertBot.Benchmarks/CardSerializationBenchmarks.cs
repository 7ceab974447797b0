using BenchmarkDotNet.Attributes;
using CertBot.Cards;
using CertBot.Hosting;
using CertBot.Protocol.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace CertBot.Benchmarks;

/// <summary>
/// The recommendation card the bot sends for one full profile, written as an attachment's content: the step a server
/// profile over HTTP put at about an eighth of CertBot's CPU. The card is the real one, taken from a turn in set-up.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 10)]
public class CardSerializationBenchmarks
{
    private AdaptiveCard _card = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        await using var app = CertBotApp.Build(["--Logging:LogLevel:Default=Error", "--Storage:Provider=Memory"]);
        var adapter = app.Services.GetRequiredService<CloudAdapter>();
        var result = await adapter.ProcessActivityAsync(BenchActivities.Message("bench-card", "data scientist, 4 years of ML, azure"), null, CancellationToken.None);
        var content = result.Replies.SelectMany(r => r.Attachments ?? []).Last(a => a.ContentType == AdaptiveCardSerializer.ContentType).Content;
        _card = AdaptiveCardSerializer.Deserialize(content!.Value);
    }

    /// <summary>What the bot does per card: the card to a JsonElement for the attachment.</summary>
    [Benchmark(Baseline = true)]
    public System.Text.Json.JsonElement ToElement() => AdaptiveCardSerializer.SerializeToElement(_card);

    /// <summary>The writing alone, to UTF-8 bytes.</summary>
    [Benchmark]
    public byte[] ToUtf8Bytes() => AdaptiveCardSerializer.SerializeToUtf8Bytes(_card);
}

using System.Collections.Concurrent;
using System.Diagnostics;
using CertBot.Curation;
using CertBot.Hosting;
using CertBot.Protocol.Diagnostics;
using CertBot.Protocol.State;
using CertBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace CertBot.Tests.Hosting;

/// <summary>
/// The start-up warm-up runs a first question through the bot before listening and the rest of a conversation once
/// background work may start, and leaves no trace in the real store.
/// </summary>
/// <remarks>
/// Alone in its collection, run after the others: an activity listener hears every server in the process, and another
/// test's server warming up in parallel would show its own warm-up turns here.
/// </remarks>
[Collection(WarmupIsolation.Name)]
public sealed class TurnPipelineWarmupTests
{
    [Fact]
    public async Task Start_WarmUpOn_RunsAFirstQuestionBeforeListeningWithoutTouchingTheStore()
    {
        var turns = new ConcurrentQueue<string?>();
        using var listener = TurnListener(turns);
        var sqlite = Path.Combine(Path.GetTempPath(), $"certbot-warmup-{Guid.NewGuid():N}.db");
        try
        {
            await using (var server = await CertBotServer.StartAsync(sqlite))
            {
                Assert.Contains("warmup-question", turns);
                await AssertNoTraceAsync(server.Services);
            }
        }
        finally
        {
            File.Delete(sqlite);
        }
    }

    [Fact]
    public async Task Start_GateOpens_RunsTheRestOfTheConversationAfterListeningWithoutTouchingTheStore()
    {
        var turns = new ConcurrentQueue<string?>();
        using var listener = TurnListener(turns);
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        // Built and started here rather than through CertBotServer, which opens the gate itself to wait for the models.
        await using var app = CertBotApp.Build(
            ["--urls", "http://127.0.0.1:0", "--Storage:Provider=Memory", "--Logging:LogLevel:Default=Warning", "--Embeddings:StartDelay=00:00:02"],
            services => services.AddSingleton<TimeProvider>(time));
        await app.StartAsync();
        var warmup = app.Services.GetServices<IHostedService>().OfType<TurnPipelineWarmup>().Single();

        Assert.Contains("warmup-question", turns);
        Assert.DoesNotContain("warmup-1", turns);
        Assert.False(warmup.Rest.IsCompleted);

        time.Advance(TimeSpan.FromSeconds(2));
        await warmup.Rest.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Contains("warmup-0", turns);
        Assert.Contains("warmup-6", turns);
        await AssertNoTraceAsync(app.Services);
        await app.StopAsync();
    }

    private static ActivityListener TurnListener(ConcurrentQueue<string?> turns)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == CertBotTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = a =>
            {
                if (a.OperationName == "certbot.turn")
                {
                    turns.Enqueue((string?)a.GetTagItem("certbot.activity.id"));
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }

    private static async Task AssertNoTraceAsync(IServiceProvider services)
    {
        var storage = services.GetRequiredService<IStorage>();
        var keys = new[]
        {
            TurnState.ConversationKey("msteams", "a:certbot-warmup-question"), TurnState.ConversationKey("msteams", "a:certbot-warmup"),
            TurnState.UserKey("msteams", "29:certbot-warmup"),
        };
        Assert.Empty(await storage.ReadAsync(keys, CancellationToken.None));
        Assert.Empty((await services.GetRequiredService<CuratorLog>().ReadAsync(CancellationToken.None)).Events);
    }
}

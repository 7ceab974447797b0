using System.Collections.Concurrent;
using System.Diagnostics;
using CertBot.Curation;
using CertBot.Protocol.Diagnostics;
using CertBot.Protocol.State;
using CertBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CertBot.Tests.Hosting;

/// <summary>The start-up warm-up runs real turns through the bot, and leaves no trace in the real store.</summary>
public sealed class TurnPipelineWarmupTests
{
    [Fact]
    public async Task Start_WarmUpOn_RunsTurnsBeforeListeningWithoutTouchingTheStore()
    {
        var turns = new ConcurrentQueue<string?>();
        using var listener = new ActivityListener
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
        var sqlite = Path.Combine(Path.GetTempPath(), $"certbot-warmup-{Guid.NewGuid():N}.db");
        try
        {
            await using (var server = await CertBotServer.StartAsync(sqlite))
            {
                Assert.Contains("warmup-1", turns);
                var storage = server.Services.GetRequiredService<IStorage>();
                var keys = new[] { TurnState.ConversationKey("msteams", "a:certbot-warmup"), TurnState.UserKey("msteams", "29:certbot-warmup") };
                Assert.Empty(await storage.ReadAsync(keys, CancellationToken.None));
                Assert.Empty((await server.Services.GetRequiredService<CuratorLog>().ReadAsync(CancellationToken.None)).Events);
            }
        }
        finally
        {
            File.Delete(sqlite);
        }
    }
}

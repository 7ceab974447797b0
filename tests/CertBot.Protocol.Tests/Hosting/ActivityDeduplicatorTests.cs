using System.Text.Json;
using CertBot.Protocol.Configuration;
using CertBot.Protocol.Hosting;
using CertBot.Protocol.Schema;
using CertBot.Protocol.State;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CertBot.Protocol.Tests.Hosting;

/// <summary>De-duplication through the store: claimed, done only on success, released on failure, lapsing after a crash.</summary>
public sealed class ActivityDeduplicatorTests
{
    private readonly MemoryStorage _storage = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
    private readonly BotFrameworkOptions _options = new() { DeduplicationWindow = TimeSpan.FromMinutes(5), DeduplicationClaimTimeout = TimeSpan.FromSeconds(15) };

    private ActivityDeduplicator Create() => new(_storage, Options.Create(_options), _clock, NullLogger<ActivityDeduplicator>.Instance);

    private static Activity Incoming(string id = "act-1") => new()
    {
        Type = ActivityTypes.Message,
        Id = id,
        ChannelId = "msteams",
        Conversation = new ConversationAccount { Id = "a:1" },
    };

    [Fact]
    public async Task ClaimAsync_AfterCompletion_IsFinishedWithTheInvokeResponse_UntilTheWindowEnds()
    {
        var dedup = Create();
        var claim = await dedup.ClaimAsync(Incoming(), CancellationToken.None);
        await dedup.CompleteAsync(claim, Incoming(), new InvokeResponse(200, JsonDocument.Parse("{\"ok\":1}").RootElement));

        var repeat = await Create().ClaimAsync(Incoming(), CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Claimed, claim.Outcome);
        Assert.Equal(DeliveryOutcome.Finished, repeat.Outcome);
        Assert.Equal(200, repeat.Finished!.InvokeStatus);
        Assert.Equal("{\"ok\":1}", repeat.Finished.InvokeBody!.Value.GetRawText());

        _clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(DeliveryOutcome.Claimed, (await Create().ClaimAsync(Incoming(), CancellationToken.None)).Outcome);
    }

    [Fact]
    public async Task ClaimAsync_AfterRelease_ClaimsAgain()
    {
        var dedup = Create();
        var claim = await dedup.ClaimAsync(Incoming(), CancellationToken.None);

        await dedup.ReleaseAsync(claim, Incoming());

        Assert.Equal(DeliveryOutcome.Claimed, (await Create().ClaimAsync(Incoming(), CancellationToken.None)).Outcome);
    }

    [Fact]
    public async Task ClaimAsync_WhileClaimed_WaitsForTheOutcome()
    {
        var first = await Create().ClaimAsync(Incoming(), CancellationToken.None);

        var waiting = Create().ClaimAsync(Incoming(), CancellationToken.None);
        await Task.Delay(50);
        Assert.False(waiting.IsCompleted);
        await Create().CompleteAsync(first, Incoming(), null);
        var outcome = await AdvanceUntilAsync(waiting, TimeSpan.FromMilliseconds(50));

        Assert.Equal(DeliveryOutcome.Finished, outcome.Outcome);
    }

    [Fact]
    public async Task ClaimAsync_ClaimOfACrashedInstance_LapsesAndIsTakenOver()
    {
        _ = await Create().ClaimAsync(Incoming(), CancellationToken.None); // never completed nor released

        var takeover = await AdvanceUntilAsync(Create().ClaimAsync(Incoming(), CancellationToken.None), TimeSpan.FromSeconds(1));

        Assert.Equal(DeliveryOutcome.Claimed, takeover.Outcome);
        Assert.True(_clock.GetUtcNow() >= new DateTimeOffset(2026, 11, 23, 12, 0, 15, TimeSpan.Zero));
    }

    [Fact]
    public async Task ClaimAsync_OtherActivityIds_AreIndependent()
    {
        Assert.Equal(DeliveryOutcome.Claimed, (await Create().ClaimAsync(Incoming("a"), CancellationToken.None)).Outcome);
        Assert.Equal(DeliveryOutcome.Claimed, (await Create().ClaimAsync(Incoming("b"), CancellationToken.None)).Outcome);
    }

    [Fact]
    public async Task SweepAsync_RemovesOnlyExpiredRecords()
    {
        var dedup = Create();
        await dedup.CompleteAsync(await dedup.ClaimAsync(Incoming("old"), CancellationToken.None), Incoming("old"), null);
        _clock.Advance(TimeSpan.FromMinutes(4));
        await dedup.CompleteAsync(await dedup.ClaimAsync(Incoming("new"), CancellationToken.None), Incoming("new"), null);
        _clock.Advance(TimeSpan.FromMinutes(2));
        var sweeper = new DeliveryRecordSweeper(_storage, Options.Create(_options), _clock, NullLogger<DeliveryRecordSweeper>.Instance);

        var removed = await sweeper.SweepAsync(CancellationToken.None);

        Assert.Equal(1, removed);
        var left = new List<string>();
        await foreach (var key in _storage.ListKeysAsync(ActivityDeduplicator.KeyPrefix))
        {
            left.Add(key);
        }

        Assert.Equal([ActivityDeduplicator.Key(Incoming("new"))], left);
    }

    private async Task<T> AdvanceUntilAsync<T>(Task<T> task, TimeSpan step)
    {
        for (var i = 0; i < 200 && !task.IsCompleted; i++)
        {
            _clock.Advance(step);
            await Task.Delay(5);
        }

        return await task.WaitAsync(TimeSpan.FromSeconds(5));
    }
}

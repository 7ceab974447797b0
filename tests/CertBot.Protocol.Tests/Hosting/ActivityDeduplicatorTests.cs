using System.Text.Json;
using CertBot.Protocol.Configuration;
using CertBot.Protocol.Hosting;
using CertBot.Protocol.Schema;
using CertBot.Protocol.State;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using CertBot.Testing;

namespace CertBot.Protocol.Tests.Hosting;

/// <summary>De-duplication through the store: claimed, done only on success, released on failure, lapsing after a crash.</summary>
public sealed class ActivityDeduplicatorTests
{
    private readonly MemoryStorage _storage = new();
    // How often a waiting claim looks at the record again (ActivityDeduplicator's poll).
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    private readonly ObservableClock _clock = new();
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
        await dedup.CompleteAsync(claim, Incoming(), new InvokeResponse(200, JsonDocument.Parse("{\"ok\":1}").RootElement), CancellationToken.None);

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

        await dedup.ReleaseAsync(claim, Incoming(), CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Claimed, (await Create().ClaimAsync(Incoming(), CancellationToken.None)).Outcome);
    }

    [Fact]
    public async Task ClaimAsync_WhileClaimed_WaitsForTheOutcome()
    {
        var first = await Create().ClaimAsync(Incoming(), CancellationToken.None);

        var waits = _clock.WaitsSet;
        var waiting = Create().ClaimAsync(Incoming(), CancellationToken.None);
        // It found the claim held and sleeps until its next look: still waiting, however long the test takes.
        await _clock.NextWaitAsync(d => d == Poll, after: waits);
        Assert.False(waiting.IsCompleted);
        await Create().CompleteAsync(first, Incoming(), null, CancellationToken.None);
        _clock.Advance(Poll);
        var outcome = await waiting.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(DeliveryOutcome.Finished, outcome.Outcome);
    }

    [Fact]
    public async Task ClaimAsync_WhileClaimedPastTheBudget_SaysStillRunningInsteadOfThrowing()
    {
        _ = await Create().ClaimAsync(Incoming(), CancellationToken.None);
        using var budget = new CancellationTokenSource(TimeSpan.FromSeconds(3), _clock);

        var waits = _clock.WaitsSet;
        var waiting = Create().ClaimAsync(Incoming(), budget.Token);
        await _clock.NextWaitAsync(d => d == Poll, after: waits);
        _clock.Advance(TimeSpan.FromSeconds(3));
        var outcome = await waiting.WaitAsync(TimeSpan.FromSeconds(30));

        // The store answered every time: what ended the wait is the other delivery, which the endpoint words as "Busy".
        Assert.Equal(DeliveryOutcome.StillRunning, outcome.Outcome);
    }

    [Fact]
    public async Task ClaimAsync_ClaimOfACrashedInstance_LapsesAndIsTakenOver()
    {
        _ = await Create().ClaimAsync(Incoming(), CancellationToken.None); // never completed nor released

        var claimedAt = _clock.GetUtcNow();

        var waits = _clock.WaitsSet;
        var taking = Create().ClaimAsync(Incoming(), CancellationToken.None);
        await _clock.NextWaitAsync(d => d == Poll, after: waits);
        // A poll short of DeduplicationClaimTimeout (15 s) the claim still holds; at it, it lapses.
        waits = _clock.WaitsSet;
        _clock.Advance(_options.DeduplicationClaimTimeout - Poll);
        await _clock.NextWaitAsync(d => d == Poll, after: waits);
        Assert.False(taking.IsCompleted);
        _clock.Advance(Poll);
        var takeover = await taking.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(DeliveryOutcome.Claimed, takeover.Outcome);
        Assert.Equal(claimedAt + _options.DeduplicationClaimTimeout, _clock.GetUtcNow());
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
        await dedup.CompleteAsync(await dedup.ClaimAsync(Incoming("old"), CancellationToken.None), Incoming("old"), null, CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(4));
        await dedup.CompleteAsync(await dedup.ClaimAsync(Incoming("new"), CancellationToken.None), Incoming("new"), null, CancellationToken.None);
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
}

using System.Text.Json;
using CertBot.Curation;
using CertBot.Protocol.State;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CertBot.Tests.Curation;

public sealed class CuratorLogTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private readonly MemoryStorage _storage = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    private CuratorLog Create() => new(_storage, _clock, NullLogger<CuratorLog>.Instance);

    [Fact]
    public async Task RecordAsync_EachSignal_IsItsOwnDocument_NoSharedDocumentIsWritten()
    {
        await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Create().RecordAsync(CuratorEventKinds.Unanswered, "How do I bake bread?", null, CancellationToken.None)));

        var keys = new List<string>();
        await foreach (var key in _storage.ListKeysAsync("certbot/curator/"))
        {
            keys.Add(key);
        }

        Assert.Equal(50, keys.Count);
        Assert.All(keys, k => Assert.StartsWith(CuratorLog.RecordPrefix, k, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_GroupsRecordsByKindAndText_AndKeepsTheLegacyDocument()
    {
        var start = _clock.GetUtcNow();
        var legacy = new CuratorEvents { Events = [new CuratorEvent(CuratorEventKinds.Unanswered, "how do i bake bread", null, 7, start.AddDays(-30), start.AddDays(-2))] };
        await _storage.WriteAsync(new Dictionary<string, StoreItem>
        {
            [CuratorLog.LegacyStorageKey] = new(JsonSerializer.Serialize(legacy, Web), null),
        });
        var log = Create();
        await log.RecordAsync(CuratorEventKinds.Unanswered, "How do I bake bread?", "prep-time", CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(1));
        await log.RecordAsync(CuratorEventKinds.Unanswered, "how do i bake bread", null, CancellationToken.None);
        await log.RecordAsync(CuratorEventKinds.NotHelpful, "how do i bake bread", "prep-time", CancellationToken.None);

        var events = (await log.ReadAsync(CancellationToken.None)).Events;

        var unanswered = Assert.Single(events, e => e.Kind == CuratorEventKinds.Unanswered);
        Assert.Equal(9, unanswered.Count);
        Assert.Equal(start.AddDays(-30), unanswered.FirstSeen);
        Assert.Equal(_clock.GetUtcNow(), unanswered.LastSeen);
        Assert.Equal("prep-time", unanswered.NearestFaqId);
        Assert.Equal(1, Assert.Single(events, e => e.Kind == CuratorEventKinds.NotHelpful).Count);
    }
}

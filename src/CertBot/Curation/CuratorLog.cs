using System.Globalization;
using System.Text.Json;
using CertBot.Conversation;
using CertBot.Protocol.State;

namespace CertBot.Curation;

/// <summary>
/// Records questions CertBot could not answer, low-confidence matches and feedback, so curators know which phrasings
/// or entries to add. Each signal is one create-only document under <see cref="RecordPrefix"/> (named by time and a
/// random id), so busy instances never contend for a shared document; the report reads them all and groups them by
/// normalised text. No user identity is ever stored.
/// </summary>
public sealed partial class CuratorLog(IStorage storage, TimeProvider clock, ILogger<CuratorLog> logger)
{
    /// <summary>The single grouped document of earlier versions; still read, never written.</summary>
    public const string LegacyStorageKey = "certbot/curator/events";

    public const string RecordPrefix = "certbot/curator/records/";
    private const int ReadBatch = 64;

    public async Task RecordAsync(string kind, string text, string? nearestFaqId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kind);
        var normalized = PlainText.Normalize(text);
        if (normalized.Length == 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var key = string.Concat(RecordPrefix, now.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture), "-", Guid.NewGuid().ToString("N"));
        var json = JsonSerializer.Serialize(new CuratorRecord(kind, normalized, nearestFaqId, now), CuratorJsonContext.Default.CuratorRecord);
        await storage.WriteAsync(new Dictionary<string, StoreItem> { [key] = new StoreItem(json, null) }, cancellationToken).ConfigureAwait(false);
        LogRecorded(kind);
    }

    /// <summary>Every signal, grouped by kind and normalised text.</summary>
    public async Task<CuratorEvents> ReadAsync(CancellationToken cancellationToken)
    {
        var groups = new Dictionary<(string Kind, string Text), CuratorEvent>();
        var legacy = await storage.ReadAsync([LegacyStorageKey], cancellationToken).ConfigureAwait(false);
        if (legacy.TryGetValue(LegacyStorageKey, out var item)
            && JsonSerializer.Deserialize(item.Json, CuratorJsonContext.Default.CuratorEvents) is { } old)
        {
            foreach (var e in old.Events)
            {
                Add(groups, e);
            }
        }

        var batch = new List<string>(ReadBatch);
        await foreach (var key in storage.ListKeysAsync(RecordPrefix, cancellationToken).ConfigureAwait(false))
        {
            batch.Add(key);
            if (batch.Count == ReadBatch)
            {
                await AddRecordsAsync(groups, batch, cancellationToken).ConfigureAwait(false);
                batch.Clear();
            }
        }

        await AddRecordsAsync(groups, batch, cancellationToken).ConfigureAwait(false);
        return new CuratorEvents { Events = [.. groups.Values.OrderBy(e => e.FirstSeen)] };
    }

    private async Task AddRecordsAsync(Dictionary<(string, string), CuratorEvent> groups, List<string> keys, CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
        {
            return;
        }

        foreach (var stored in (await storage.ReadAsync(keys, cancellationToken).ConfigureAwait(false)).Values)
        {
            if (JsonSerializer.Deserialize(stored.Json, CuratorJsonContext.Default.CuratorRecord) is { } record)
            {
                Add(groups, new CuratorEvent(record.Kind, record.Text, record.NearestFaqId, 1, record.At, record.At));
            }
        }
    }

    private static void Add(Dictionary<(string, string), CuratorEvent> groups, CuratorEvent e)
    {
        var key = (e.Kind, e.Text);
        groups[key] = groups.TryGetValue(key, out var existing)
            ? existing with
            {
                Count = existing.Count + e.Count,
                FirstSeen = e.FirstSeen < existing.FirstSeen ? e.FirstSeen : existing.FirstSeen,
                LastSeen = e.LastSeen > existing.LastSeen ? e.LastSeen : existing.LastSeen,
                // The latest nearest FAQ id wins, as when the document was rewritten in place.
                NearestFaqId = e.LastSeen >= existing.LastSeen ? e.NearestFaqId ?? existing.NearestFaqId : existing.NearestFaqId ?? e.NearestFaqId,
            }
            : e;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Curator signal recorded ({Kind})")]
    private partial void LogRecorded(string kind);
}

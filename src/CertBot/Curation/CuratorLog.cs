using System.Text.Json;
using CertBot.Conversation;
using CertBot.Protocol.State;

namespace CertBot.Curation;

/// <summary>
/// Records questions CertBot could not answer, low-confidence matches and feedback, grouped by normalised
/// text and counted, so curators know which phrasings or entries to add. No user identity is ever stored.
/// </summary>
public sealed partial class CuratorLog(IStorage storage, TimeProvider clock, ILogger<CuratorLog> logger)
{
    public const string StorageKey = "certbot/curator/events";
    private const int MaxEvents = 1000;
    private const int MaxAttempts = 5;

    public async Task RecordAsync(string kind, string text, string? nearestFaqId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kind);
        var normalized = PlainText.Normalize(text);
        if (normalized.Length == 0)
        {
            return;
        }

        // Optimistic concurrency: re-read and retry when another turn wrote in between.
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var (events, etag) = await ReadWithETagAsync(cancellationToken).ConfigureAwait(false);
            var now = clock.GetUtcNow();
            var index = events.Events.FindIndex(e => e.Kind == kind && e.Text == normalized);
            if (index >= 0)
            {
                var existing = events.Events[index];
                events.Events[index] = existing with { Count = existing.Count + 1, LastSeen = now, NearestFaqId = nearestFaqId ?? existing.NearestFaqId };
            }
            else
            {
                if (events.Events.Count >= MaxEvents)
                {
                    // Forget the rarest, oldest signal first so the log stays bounded.
                    var victim = events.Events.OrderBy(e => e.Count).ThenBy(e => e.LastSeen).First();
                    events.Events.Remove(victim);
                }

                events.Events.Add(new CuratorEvent(kind, normalized, nearestFaqId, 1, now, now));
            }

            try
            {
                var json = JsonSerializer.Serialize(events, CuratorJsonContext.Default.CuratorEvents);
                await storage.WriteAsync(new Dictionary<string, StoreItem> { [StorageKey] = new StoreItem(json, etag ?? "*") }, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (StorageConcurrencyException) when (attempt < MaxAttempts)
            {
                LogRetry(attempt);
            }
        }
    }

    public async Task<CuratorEvents> ReadAsync(CancellationToken cancellationToken)
        => (await ReadWithETagAsync(cancellationToken).ConfigureAwait(false)).Events;

    private async Task<(CuratorEvents Events, string? ETag)> ReadWithETagAsync(CancellationToken cancellationToken)
    {
        var items = await storage.ReadAsync([StorageKey], cancellationToken).ConfigureAwait(false);
        if (!items.TryGetValue(StorageKey, out var item))
        {
            return (new CuratorEvents(), null);
        }

        var events = JsonSerializer.Deserialize(item.Json, CuratorJsonContext.Default.CuratorEvents) ?? new CuratorEvents();
        return (events, item.ETag);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Curator log write conflicted (attempt {Attempt}); retrying")]
    private partial void LogRetry(int attempt);
}

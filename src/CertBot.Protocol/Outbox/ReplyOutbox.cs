using System.Collections.Concurrent;
using System.Text.Json;
using CertBot.Protocol.Connector;
using CertBot.Protocol.Diagnostics;
using CertBot.Protocol.Schema;
using CertBot.Protocol.Serialization;
using CertBot.Protocol.State;
using Microsoft.Extensions.Options;

namespace CertBot.Protocol.Outbox;

/// <summary>
/// The durable outbox, kept in the configured <see cref="IStorage"/>: replies the Connector did not take within the
/// turn's budget wait here, in order per conversation, until <see cref="OutboxDeliveryWorker"/> delivers them. A
/// reply and its index entry are written in one storage call, so a queued reply is never half-written.
/// </summary>
public sealed class ReplyOutbox : IDisposable
{
    // '~' keeps these keys apart from state keys, which are "{channelId}/conversations/…" and "{channelId}/users/…".
    internal const string IndexKey = "~outbox/index";
    private const int ConflictRetries = 8;

    private readonly IStorage _storage;
    private readonly OutboxOptions _options;
    private readonly TimeProvider _clock;
    private readonly TrustedServiceUrls _trusted;
    private readonly CertBotTelemetry? _telemetry;
    private readonly SemaphoreSlim _indexGate = new(1, 1);
    private readonly ConcurrentDictionary<string, int> _pending = new(StringComparer.Ordinal);
    private TaskCompletionSource _work = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ReplyOutbox(IStorage storage, IOptions<OutboxOptions> options, TimeProvider clock, TrustedServiceUrls trusted, CertBotTelemetry? telemetry = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _storage = storage;
        _options = options.Value;
        _clock = clock;
        _trusted = trusted;
        _telemetry = telemetry;
    }

    internal static string ItemKey(string id) => "~outbox/items/" + id;

    /// <summary>The key replies keep their order under.</summary>
    public static string ConversationKey(string? channelId, string conversationId) => $"{channelId}/{conversationId}";

    /// <summary>
    /// True while replies of this conversation wait here (as far as this instance has seen): a new reply must then
    /// queue behind them rather than overtake them.
    /// </summary>
    public bool HasPending(string conversation) => _pending.ContainsKey(conversation);

    /// <summary>Replies waiting, as this instance last saw the index.</summary>
    public int PendingCount => _pending.Values.Sum();

    /// <summary>Completes when a reply is queued (the worker then looks at once rather than at its next poll).</summary>
    internal Task WorkSignal => Volatile.Read(ref _work).Task;

    /// <summary>
    /// Queues <paramref name="activity"/> for delivery, due after <paramref name="notBefore"/> (a Retry-After).
    /// Runs under its own <see cref="OutboxOptions.WriteTimeout"/>, not the caller's token: it is what happens when the
    /// turn's budget is spent, and a reply must not be lost because of that.
    /// </summary>
    public async Task EnqueueAsync(Activity activity, TimeSpan? notBefore = null)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var serviceUrl = activity.ServiceUrl ?? throw new ArgumentException("A queued reply needs a serviceUrl.", nameof(activity));
        var conversationId = activity.Conversation?.Id ?? throw new ArgumentException("A queued reply needs a conversation id.", nameof(activity));
        var now = _clock.GetUtcNow();
        var id = Guid.NewGuid().ToString("N");
        var item = new OutboxItem(
            id, serviceUrl, conversationId, activity.ReplyToId,
            JsonSerializer.SerializeToElement(activity, ProtocolJsonContext.Default.Activity), now,
            Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) && _trusted.IsTrusted(uri));
        var entry = new OutboxEntry(id, ConversationKey(activity.ChannelId, conversationId), now + (notBefore ?? TimeSpan.Zero), 0);

        using var timeout = new CancellationTokenSource(_options.WriteTimeout, _clock);
        await UpdateIndexAsync(
            entries =>
            {
                if (entries.Count >= _options.MaxPending)
                {
                    throw new InvalidOperationException($"The outbox holds {entries.Count} replies, its limit; the reply was not queued.");
                }

                entries.Add(entry);
            },
            new Dictionary<string, StoreItem> { [ItemKey(id)] = new(Serialize(item), null) },
            timeout.Token).ConfigureAwait(false);
        Interlocked.Exchange(ref _work, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    /// <summary>Reads the index (and refreshes what <see cref="HasPending"/> knows).</summary>
    internal async Task<IReadOnlyList<OutboxEntry>> ReadIndexAsync(CancellationToken cancellationToken)
    {
        var (index, _) = await ReadIndexDocumentAsync(cancellationToken).ConfigureAwait(false);
        Remember(index.Entries);
        return index.Entries;
    }

    internal async Task<(OutboxItem? Item, string? ETag)> ReadItemAsync(string id, CancellationToken cancellationToken)
    {
        var stored = await _storage.ReadAsync([ItemKey(id)], cancellationToken).ConfigureAwait(false);
        return stored.TryGetValue(ItemKey(id), out var found)
            ? (JsonSerializer.Deserialize(found.Json, OutboxJsonContext.Default.OutboxItem), found.ETag)
            : (null, null);
    }

    /// <summary>Takes the reply for this instance until the lease ends; null when another instance was quicker.</summary>
    internal async Task<string?> TryClaimAsync(OutboxItem item, string etag, CancellationToken cancellationToken)
    {
        var claimed = item with { LeaseUntil = _clock.GetUtcNow() + _options.Lease };
        try
        {
            var etags = await _storage.WriteAsync(
                new Dictionary<string, StoreItem> { [ItemKey(item.Id)] = new(Serialize(claimed), etag) }, cancellationToken).ConfigureAwait(false);
            return etags[ItemKey(item.Id)];
        }
        catch (StorageConcurrencyException)
        {
            return null;
        }
    }

    /// <summary>
    /// Records the delivery first (the item keeps only the outgoing id), then removes the reply from the index and
    /// the store: a crash between the steps leaves a record that stops a second delivery.
    /// </summary>
    internal async Task CompleteAsync(OutboxEntry entry, OutboxItem item, string etag, string? deliveredId, CancellationToken cancellationToken)
    {
        var record = item with { Activity = null, Delivered = true, DeliveredId = deliveredId, LeaseUntil = null };
        await _storage.WriteAsync(
            new Dictionary<string, StoreItem> { [ItemKey(item.Id)] = new(Serialize(record), etag) }, cancellationToken).ConfigureAwait(false);
        await RemoveAsync(entry, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes a reply from the index and deletes its document (delivered, refused for good, or given up on).</summary>
    internal async Task RemoveAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        await UpdateIndexAsync(entries => entries.RemoveAll(e => e.Id == entry.Id), null, cancellationToken).ConfigureAwait(false);
        await _storage.DeleteAsync([ItemKey(entry.Id)], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Counts a failed attempt, sets when to try again and lets the lease go.</summary>
    internal async Task RescheduleAsync(OutboxEntry entry, OutboxItem item, string etag, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        var released = item with { LeaseUntil = null };
        await UpdateIndexAsync(
            entries =>
            {
                var at = entries.FindIndex(e => e.Id == entry.Id);
                if (at >= 0)
                {
                    entries[at] = entries[at] with { DueAt = dueAt, Attempts = entries[at].Attempts + 1 };
                }
            },
            new Dictionary<string, StoreItem> { [ItemKey(item.Id)] = new(Serialize(released), etag) },
            cancellationToken).ConfigureAwait(false);
    }

    private async Task UpdateIndexAsync(Action<List<OutboxEntry>> change, Dictionary<string, StoreItem>? alongside, CancellationToken cancellationToken)
    {
        await _indexGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var (index, etag) = await ReadIndexDocumentAsync(cancellationToken).ConfigureAwait(false);
                change(index.Entries);
                var changes = new Dictionary<string, StoreItem>(alongside ?? [], StringComparer.Ordinal)
                {
                    [IndexKey] = new(JsonSerializer.Serialize(index, OutboxJsonContext.Default.OutboxIndex), etag),
                };
                try
                {
                    await _storage.WriteAsync(changes, cancellationToken).ConfigureAwait(false);
                    Remember(index.Entries);
                    return;
                }
                catch (StorageConcurrencyException) when (attempt < ConflictRetries)
                {
                    // Another instance changed the index (or the item) first: read again and redo the change.
                }
            }
        }
        finally
        {
            _indexGate.Release();
        }
    }

    private async Task<(OutboxIndex Index, string? ETag)> ReadIndexDocumentAsync(CancellationToken cancellationToken)
    {
        var stored = await _storage.ReadAsync([IndexKey], cancellationToken).ConfigureAwait(false);
        return stored.TryGetValue(IndexKey, out var found)
            ? (JsonSerializer.Deserialize(found.Json, OutboxJsonContext.Default.OutboxIndex) ?? new OutboxIndex(), found.ETag)
            : (new OutboxIndex(), null);
    }

    private void Remember(List<OutboxEntry> entries)
    {
        var counts = entries.GroupBy(e => e.Conversation, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        foreach (var key in _pending.Keys)
        {
            if (!counts.ContainsKey(key))
            {
                _pending.TryRemove(key, out _);
            }
        }

        foreach (var (key, count) in counts)
        {
            _pending[key] = count;
        }

        // The whole index, every instance's replies: what an operator watching the gauge needs to see.
        _telemetry?.RecordOutboxDepth(entries.Count);
    }

    private static string Serialize(OutboxItem item) => JsonSerializer.Serialize(item, OutboxJsonContext.Default.OutboxItem);

    public void Dispose() => _indexGate.Dispose();
}

using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CertBot.Protocol.Schema;
using CertBot.Protocol.Serialization;

namespace CertBot.Protocol.State;

/// <summary>
/// Conversation and user state of one turn: both documents (and the stored conversation reference) are read in one
/// storage call, deserialized on first access, and at the end serialized once and written only if they changed, each
/// with the ETag it was read with (a document that did not exist is created only if it still does not), so a
/// concurrent turn anywhere makes the save throw <see cref="StorageConcurrencyException"/> instead of losing an update.
/// </summary>
public sealed class TurnState : ITurnState
{
    private readonly IStorage _storage;
    private readonly Slot _conversation;
    private readonly Slot _user;
    private readonly Slot _reference;

    private TurnState(IStorage storage, string conversationKey, string? userKey, string referenceKey)
    {
        _storage = storage;
        _conversation = new Slot(conversationKey);
        _user = new Slot(userKey);
        _reference = new Slot(referenceKey);
    }

    /// <summary>Storage key of a conversation's document: <c>{channelId}/conversations/{conversationId}</c>.</summary>
    public static string ConversationKey(string channelId, string conversationId) => $"{channelId}/conversations/{conversationId}";

    /// <summary>Storage key of a user's document: <c>{channelId}/users/{userId}</c>.</summary>
    public static string UserKey(string channelId, string userId) => $"{channelId}/users/{userId}";

    /// <summary>Storage key of a conversation's stored reference: <c>{channelId}/references/{conversationId}</c>.</summary>
    public static string ReferenceKey(string channelId, string conversationId) => $"{channelId}/references/{conversationId}";

    /// <summary>Reads both documents with one storage call.</summary>
    public static async Task<TurnState> LoadAsync(
        IStorage storage, string channelId, string conversationId, string? userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(storage);
        var state = new TurnState(
            storage, ConversationKey(channelId, conversationId), userId is null ? null : UserKey(channelId, userId), ReferenceKey(channelId, conversationId));
        var keys = state._user.Key is null
            ? new[] { state._conversation.Key!, state._reference.Key! }
            : [state._conversation.Key!, state._user.Key, state._reference.Key!];
        var stored = await storage.ReadAsync(keys, cancellationToken).ConfigureAwait(false);
        state._conversation.Load(stored);
        state._user.Load(stored);
        state._reference.Load(stored);
        return state;
    }

    public T Conversation<T>(JsonTypeInfo<T> typeInfo) where T : class, new() => _conversation.Get(typeInfo);

    public T User<T>(JsonTypeInfo<T> typeInfo) where T : class, new() =>
        _user.Key is null ? throw new InvalidOperationException("The activity has no 'from' account, so there is no user state.") : _user.Get(typeInfo);

    public void DeleteUser() => _user.Deleted = true;

    public void DeleteConversation() => _conversation.Deleted = true;

    /// <summary>The conversation reference stored by an earlier turn, if any.</summary>
    public StoredConversationReference? StoredReference =>
        _reference.StoredJson is { } json ? JsonSerializer.Deserialize(json, ProtocolJsonContext.Default.StoredConversationReference) : null;

    /// <summary>
    /// Keeps <paramref name="reference"/> in the store with this turn (written only when it differs from the stored
    /// one). A reference once vouched for by a validated token stays vouched for while its service URL is the same.
    /// </summary>
    public void RememberReference(ConversationReference reference, bool serviceUrlValidated)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var storedJson = _reference.StoredJson;
        // Only an unvouched turn needs the stored reference itself: to keep an earlier vouching for the same service URL.
        var validated = serviceUrlValidated
            || (storedJson is not null && StoredReference is { ServiceUrlValidated: true } stored
                && string.Equals(stored.Reference.ServiceUrl, reference.ServiceUrl, StringComparison.OrdinalIgnoreCase));
        // The activity id changes every turn; the rest changes rarely, and only that is worth a write. The stored JSON
        // is what this method wrote, so it is compared as it is rather than read and written again first.
        var wanted = new StoredConversationReference(reference with { ActivityId = null }, validated);
        if (storedJson is null || !string.Equals(
                storedJson, JsonSerializer.Serialize(wanted, ProtocolJsonContext.Default.StoredConversationReference), StringComparison.Ordinal))
        {
            // Unconditional: concurrent turns would write the same facts, and the reference must never make a turn conflict.
            _reference.Replace(wanted, ProtocolJsonContext.Default.StoredConversationReference, StoreETags.Any);
        }
    }

    /// <summary>Writes changed documents and performs requested deletes; throws <see cref="StorageConcurrencyException"/> on a lost race.</summary>
    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        var deletes = new List<string>(2);
        // Conditional documents first: a provider without transactions then fails before writing anything unconditional.
        var changes = new Dictionary<string, StoreItem>(3, StringComparer.Ordinal);
        foreach (var slot in new[] { _conversation, _user, _reference })
        {
            if (slot.Key is null)
            {
                continue;
            }

            if (slot.Deleted)
            {
                deletes.Add(slot.Key);
            }
            else if (slot.TryGetChange(out var item))
            {
                changes[slot.Key] = item;
            }
        }

        if (changes.Count > 0)
        {
            var etags = await _storage.WriteAsync(changes, cancellationToken).ConfigureAwait(false);
            _conversation.Saved(etags);
            _user.Saved(etags);
            _reference.Saved(etags);
        }

        foreach (var key in deletes)
        {
            // With the ETag it was read with: "forget me" racing another turn re-runs instead of deleting blindly.
            var slot = key == _conversation.Key ? _conversation : _user;
            await _storage.DeleteAsync(key, slot.DeleteETag, cancellationToken).ConfigureAwait(false);
        }
    }

    private sealed class Slot(string? key)
    {
        private string? _storedJson;
        private string? _etag;
        private object? _value;
        private Func<object, string>? _serialize;
        private string? _baselineJson;

        private string? _forcedETag;

        public string? Key { get; } = key;
        public bool Deleted { get; set; }
        public string? StoredJson => _storedJson;

        /// <summary>The ETag a delete must match: the one read ("*" when nothing was stored: nothing to protect).</summary>
        public string DeleteETag => _etag ?? StoreETags.Any;

        public void Replace<T>(T value, JsonTypeInfo<T> typeInfo, string etag) where T : class
        {
            _baselineJson = _storedJson;
            _value = value;
            _serialize = v => JsonSerializer.Serialize((T)v, typeInfo);
            _forcedETag = etag;
        }

        public void Load(IReadOnlyDictionary<string, StoreItem> stored)
        {
            if (Key is not null && stored.TryGetValue(Key, out var item))
            {
                _storedJson = item.Json;
                _etag = item.ETag;
            }
        }

        public T Get<T>(JsonTypeInfo<T> typeInfo) where T : class, new()
        {
            ArgumentNullException.ThrowIfNull(typeInfo);
            if (_value is not null)
            {
                return _value as T ?? throw new InvalidOperationException(
                    $"State document was first read as {_value.GetType().Name}, not {typeof(T).Name}.");
            }

            T value;
            if (_storedJson is null)
            {
                value = new T();
                // A fresh document that is never modified is not worth writing.
                _baselineJson = JsonSerializer.Serialize(value, typeInfo);
            }
            else
            {
                value = JsonSerializer.Deserialize(_storedJson, typeInfo) ?? new T();
                _baselineJson = _storedJson;
            }

            _value = value;
            _serialize = v => JsonSerializer.Serialize((T)v, typeInfo);
            return value;
        }

        public bool TryGetChange(out StoreItem item)
        {
            item = null!;
            if (_value is null || _serialize is null)
            {
                return false;
            }

            var json = _serialize(_value);
            if (string.Equals(json, _baselineJson, StringComparison.Ordinal))
            {
                return false;
            }

            item = new StoreItem(json, _forcedETag ?? _etag);
            _baselineJson = json;
            return true;
        }

        public void Saved(IReadOnlyDictionary<string, string> etags)
        {
            if (Key is not null && etags.TryGetValue(Key, out var etag))
            {
                _etag = etag;
            }
        }
    }
}

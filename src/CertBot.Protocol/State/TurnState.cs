using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace CertBot.Protocol.State;

/// <summary>
/// Conversation and user state of one turn: both documents are read in one storage call, deserialized on first
/// access, and at the end serialized once and written (with the ETag they were read with) only if they changed.
/// </summary>
public sealed class TurnState : ITurnState
{
    private readonly IStorage _storage;
    private readonly Slot _conversation;
    private readonly Slot _user;

    private TurnState(IStorage storage, string conversationKey, string? userKey)
    {
        _storage = storage;
        _conversation = new Slot(conversationKey);
        _user = new Slot(userKey);
    }

    /// <summary>Storage key of a conversation's document: <c>{channelId}/conversations/{conversationId}</c>.</summary>
    public static string ConversationKey(string channelId, string conversationId) => $"{channelId}/conversations/{conversationId}";

    /// <summary>Storage key of a user's document: <c>{channelId}/users/{userId}</c>.</summary>
    public static string UserKey(string channelId, string userId) => $"{channelId}/users/{userId}";

    /// <summary>Reads both documents with one storage call.</summary>
    public static async Task<TurnState> LoadAsync(
        IStorage storage, string channelId, string conversationId, string? userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(storage);
        var state = new TurnState(storage, ConversationKey(channelId, conversationId), userId is null ? null : UserKey(channelId, userId));
        var keys = state._user.Key is null ? new[] { state._conversation.Key! } : [state._conversation.Key!, state._user.Key];
        var stored = await storage.ReadAsync(keys, cancellationToken).ConfigureAwait(false);
        state._conversation.Load(stored);
        state._user.Load(stored);
        return state;
    }

    public T Conversation<T>(JsonTypeInfo<T> typeInfo) where T : class, new() => _conversation.Get(typeInfo);

    public T User<T>(JsonTypeInfo<T> typeInfo) where T : class, new() =>
        _user.Key is null ? throw new InvalidOperationException("The activity has no 'from' account, so there is no user state.") : _user.Get(typeInfo);

    public void DeleteUser() => _user.Deleted = true;

    public void DeleteConversation() => _conversation.Deleted = true;

    /// <summary>Writes changed documents and performs requested deletes; throws <see cref="StorageConcurrencyException"/> on a lost race.</summary>
    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        var deletes = new List<string>(2);
        var changes = new Dictionary<string, StoreItem>(2, StringComparer.Ordinal);
        foreach (var slot in new[] { _conversation, _user })
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
        }

        if (deletes.Count > 0)
        {
            await _storage.DeleteAsync(deletes, cancellationToken).ConfigureAwait(false);
        }
    }

    private sealed class Slot(string? key)
    {
        private string? _storedJson;
        private string? _etag;
        private object? _value;
        private Func<object, string>? _serialize;
        private string? _baselineJson;

        public string? Key { get; } = key;
        public bool Deleted { get; set; }

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

            item = new StoreItem(json, _etag);
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

namespace CertBot.Protocol.State;

/// <summary>In-process <see cref="IStorage"/> for tests and the console; lost on restart.</summary>
public sealed class MemoryStorage : IStorage
{
    private readonly Dictionary<string, StoreItem> _items = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var found = new Dictionary<string, StoreItem>(StringComparer.Ordinal);
        lock (_gate)
        {
            foreach (var key in keys)
            {
                if (_items.TryGetValue(key, out var item))
                {
                    found[key] = item;
                }
            }
        }

        return Task.FromResult<IReadOnlyDictionary<string, StoreItem>>(found);
    }

    public Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var etags = new Dictionary<string, string>(StringComparer.Ordinal);
        lock (_gate)
        {
            // Check every precondition first so a conflict writes nothing.
            foreach (var (key, item) in changes)
            {
                if (!StoreETags.IsUnconditional(item.ETag)
                    && (!_items.TryGetValue(key, out var stored) || !string.Equals(stored.ETag, item.ETag, StringComparison.Ordinal)))
                {
                    throw new StorageConcurrencyException($"ETag mismatch for a state document (key hash {StoreETags.KeyHash(key)}).");
                }
            }

            foreach (var (key, item) in changes)
            {
                var etag = StoreETags.New();
                _items[key] = new StoreItem(item.Json, etag);
                etags[key] = etag;
            }
        }

        return Task.FromResult<IReadOnlyDictionary<string, string>>(etags);
    }

    public Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        lock (_gate)
        {
            foreach (var key in keys)
            {
                _items.Remove(key);
            }
        }

        return Task.CompletedTask;
    }

    public Task<bool> PingAsync(CancellationToken cancellationToken = default) => Task.FromResult(true);
}

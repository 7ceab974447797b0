using System.Runtime.CompilerServices;

namespace CertBot.Protocol.State;

/// <summary>
/// In-process <see cref="IStorage"/>: the contract's reference implementation, used by tests and the console chat;
/// lost on restart and never shared between instances.
/// </summary>
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
                if (!Holds(key, item.ETag))
                {
                    throw StoreETags.Conflict(key);
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

    public Task DeleteAsync(string key, string? etag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_gate)
        {
            if (_items.TryGetValue(key, out var stored))
            {
                if (etag is not null && !StoreETags.IsUnconditional(etag) && !string.Equals(stored.ETag, etag, StringComparison.Ordinal))
                {
                    throw StoreETags.Conflict(key);
                }

                _items.Remove(key);
            }
        }

        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<string> ListKeysAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        string[] keys;
        lock (_gate)
        {
            keys = [.. _items.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal))];
        }

        foreach (var key in keys)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return key;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    private bool Holds(string key, string? etag)
    {
        if (StoreETags.IsUnconditional(etag))
        {
            return true;
        }

        var exists = _items.TryGetValue(key, out var stored);
        return StoreETags.IsCreateOnly(etag) ? !exists : exists && string.Equals(stored!.ETag, etag, StringComparison.Ordinal);
    }
}

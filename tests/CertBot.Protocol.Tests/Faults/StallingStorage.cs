using System.Runtime.CompilerServices;
using CertBot.Protocol.State;
using CertBot.Protocol.Tests.Infrastructure;

namespace CertBot.Protocol.Tests.Faults;

/// <summary>
/// A state store that stalls on demand, like a blob endpoint that accepts connections and never answers: while it is
/// stalled, every call the stall picks waits until its token is cancelled (then it throws and changes nothing) or
/// until <see cref="Mend"/> lets it through to the in-memory store behind it; a deaf stall ignores the token, as a
/// provider stuck inside a system call would. Nothing here measures or waits on time: what ends a held call is the
/// caller's own timeout, on the caller's clock. Each held call raises a signal, so a test waits for the call it means
/// without polling.
/// </summary>
public sealed class StallingStorage : IStorage
{
    private readonly MemoryStorage _inner = new();
    private readonly Lock _gate = new();
    private TaskCompletionSource? _mended;
    private Func<StoreOperation, string, bool> _picks = static (_, _) => true;
    private bool _deaf;
    private readonly List<(StoreOperation Operation, string Key)> _held = [];
    private readonly ChangeSignal _heldChanged = new();

    /// <summary>What a call does, for a stall that picks some calls only.</summary>
    public enum StoreOperation
    {
        Read,
        Write,
        Delete,
        List,
    }

    /// <summary>How many calls held so far (ended or not) did <paramref name="operation"/> on a key that <paramref name="key"/> accepts.</summary>
    public int HeldCount(StoreOperation operation, Func<string, bool> key)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_gate)
        {
            return _held.Count(call => call.Operation == operation && key(call.Key));
        }
    }

    /// <summary>
    /// Until a call doing <paramref name="operation"/> on a key <paramref name="key"/> accepts has been held (now or
    /// before), looked at again each time a call is held; false when <paramref name="within"/> of real time passed first.
    /// </summary>
    public Task<bool> HeldAsync(StoreOperation operation, Func<string, bool> key, TimeSpan within) =>
        ChangeSignal.UntilAsync(() => HeldCount(operation, key) > 0, within, () => _heldChanged.Next);

    /// <summary>The keys stored now (what a restarted store would hold), for tests that check nothing was left behind.</summary>
    public MemoryStorage Inner => _inner;

    /// <summary>
    /// From now on, holds every call <paramref name="picks"/> accepts for one of its keys (every call by default); with
    /// <paramref name="deaf"/>, a held call ignores its cancellation token and only <see cref="Mend"/> ends it.
    /// </summary>
    public void Stall(Func<StoreOperation, string, bool>? picks = null, bool deaf = false)
    {
        lock (_gate)
        {
            _mended ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _picks = picks ?? (static (_, _) => true);
            _deaf = deaf;
        }
    }

    /// <summary>The store answers again: held calls that were not cancelled go through, in no particular order.</summary>
    public void Mend()
    {
        TaskCompletionSource? mended;
        lock (_gate)
        {
            mended = _mended;
            _mended = null;
        }

        mended?.TrySetResult();
    }

    public async Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        await PassAsync(StoreOperation.Read, keys, cancellationToken);
        return await _inner.ReadAsync(keys, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        await PassAsync(StoreOperation.Write, [.. changes.Keys], cancellationToken);
        return await _inner.WriteAsync(changes, cancellationToken);
    }

    public async Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        await PassAsync(StoreOperation.Delete, keys, cancellationToken);
        await _inner.DeleteAsync(keys, cancellationToken);
    }

    public async Task DeleteAsync(string key, string? etag, CancellationToken cancellationToken = default)
    {
        await PassAsync(StoreOperation.Delete, [key], cancellationToken);
        await _inner.DeleteAsync(key, etag, cancellationToken);
    }

    public async IAsyncEnumerable<string> ListKeysAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await PassAsync(StoreOperation.List, [prefix], cancellationToken);
        await foreach (var key in _inner.ListKeysAsync(prefix, cancellationToken))
        {
            yield return key;
        }
    }

    private async Task PassAsync(StoreOperation operation, IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        Task? mended;
        bool deaf;
        lock (_gate)
        {
            deaf = _deaf;
            mended = _mended is { } stalled && keys.Any(key => _picks(operation, key)) ? stalled.Task : null;
            if (mended is not null)
            {
                _held.AddRange(keys.Select(key => (operation, key)));
            }
        }

        if (mended is null)
        {
            return;
        }

        _heldChanged.Raise();
        await (deaf ? mended : mended.WaitAsync(cancellationToken));
    }
}

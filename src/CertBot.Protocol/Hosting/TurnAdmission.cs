namespace CertBot.Protocol.Hosting;

/// <summary>
/// Queues this instance's turns that touch the same conversation or user, so they take turns instead of all racing
/// for the same documents and re-running. Only an optimisation: correctness comes from the ETag save, and a turn that
/// waited <see cref="Configuration.BotFrameworkOptions.TurnAdmissionWait"/> goes ahead anyway (a stuck turn never
/// holds the next one back for longer). Entries are reference-counted and removed when idle.
/// </summary>
internal sealed class TurnAdmission
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Keys currently held or waited for (lets tests prove nothing leaks).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Waits, at most <paramref name="wait"/>, until no other turn of this instance holds any of <paramref name="keys"/>.</summary>
    public async Task<IDisposable> EnterAsync(IEnumerable<string> keys, TimeSpan wait, TimeProvider clock, CancellationToken cancellationToken)
    {
        // Always in the same order, so two turns wanting the same two keys cannot wait for each other.
        var ordered = keys.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var held = new List<(string Key, Entry Entry, bool Owns)>(ordered.Count);
        var deadline = clock.GetUtcNow() + wait;
        try
        {
            foreach (var key in ordered)
            {
                var entry = Join(key);
                var remaining = deadline - clock.GetUtcNow();
                var owns = false;
                try
                {
                    owns = remaining > TimeSpan.Zero
                        && (entry.Semaphore.Wait(0, CancellationToken.None) || await WaitAsync(entry.Semaphore, remaining, clock, cancellationToken).ConfigureAwait(false));
                }
                catch
                {
                    Leave(key, entry);
                    throw;
                }

                held.Add((key, entry, owns));
            }
        }
        catch
        {
            Release(held);
            throw;
        }

        return new Ticket(this, held);
    }

    // SemaphoreSlim's own timeout runs on the system clock; this one runs on the turn's (only when the key is taken).
    private static async Task<bool> WaitAsync(SemaphoreSlim semaphore, TimeSpan wait, TimeProvider clock, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(wait, clock);
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await semaphore.WaitAsync(bounded.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private Entry Join(string key)
    {
        lock (_gate)
        {
            if (!_entries.TryGetValue(key, out var entry))
            {
                entry = new Entry();
                _entries[key] = entry;
            }

            entry.References++;
            return entry;
        }
    }

    private void Leave(string key, Entry entry)
    {
        lock (_gate)
        {
            if (--entry.References == 0)
            {
                _entries.Remove(key);
                entry.Semaphore.Dispose();
            }
        }
    }

    private void Release(List<(string Key, Entry Entry, bool Owns)> held)
    {
        foreach (var (key, entry, owns) in held)
        {
            if (owns)
            {
                entry.Semaphore.Release();
            }

            Leave(key, entry);
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);
        public int References { get; set; }
    }

    private sealed class Ticket(TurnAdmission owner, List<(string Key, Entry Entry, bool Owns)> held) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                owner.Release(held);
            }
        }
    }
}

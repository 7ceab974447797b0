namespace CertBot.Protocol.State;

/// <summary>A keyed JSON document store with ETag optimistic concurrency (the Bot Framework IStorage idea).</summary>
public interface IStorage
{
    /// <summary>Reads the documents that exist among <paramref name="keys"/>.</summary>
    Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes documents. An item whose ETag is null or "*" is written unconditionally; otherwise the stored
    /// ETag must match or <see cref="StorageConcurrencyException"/> is thrown and nothing is written.
    /// Returns the new ETags by key.
    /// </summary>
    Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken = default);

    Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default);

    /// <summary>Cheap check for readiness probes.</summary>
    Task<bool> PingAsync(CancellationToken cancellationToken = default);
}

/// <summary>A stored JSON document and the ETag it was read with (or must match on write).</summary>
public sealed record StoreItem(string Json, string? ETag);

/// <summary>Thrown when a write's ETag no longer matches the stored document.</summary>
public sealed class StorageConcurrencyException : Exception
{
    public StorageConcurrencyException() { }
    public StorageConcurrencyException(string message) : base(message) { }
    public StorageConcurrencyException(string message, Exception inner) : base(message, inner) { }
}

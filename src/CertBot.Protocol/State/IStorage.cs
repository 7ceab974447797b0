namespace CertBot.Protocol.State;

/// <summary>
/// A keyed JSON document store with ETag optimistic concurrency (the Bot Framework IStorage idea). Every provider
/// (Memory here, Sqlite and AzureBlob in their own projects) passes the same contract tests.
/// </summary>
public interface IStorage
{
    /// <summary>Reads the documents that exist among <paramref name="keys"/>.</summary>
    Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes documents. The ETag of each item is its precondition: null creates the document only if it does not
    /// exist yet (so two first writes cannot both win); <see cref="StoreETags.Any"/> ("*") writes unconditionally; any other
    /// value must equal the stored ETag. A failed precondition throws <see cref="StorageConcurrencyException"/>; then
    /// nothing is written (providers without multi-document transactions check every precondition first and undo
    /// earlier documents of the same call when a later one loses a race). Returns the new ETags by key.
    /// </summary>
    Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken = default);

    /// <summary>Deletes documents unconditionally; missing keys are ignored.</summary>
    Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes one document if its stored ETag is still <paramref name="etag"/> (null or "*": unconditionally).
    /// Throws <see cref="StorageConcurrencyException"/> when it changed; a document that is already gone is not an error.
    /// </summary>
    Task DeleteAsync(string key, string? etag, CancellationToken cancellationToken = default);

    /// <summary>The keys that start with <paramref name="prefix"/> (ordinal), in no particular order.</summary>
    IAsyncEnumerable<string> ListKeysAsync(string prefix, CancellationToken cancellationToken = default);
}

/// <summary>A stored JSON document and the ETag it was read with (or must match on write).</summary>
public sealed record StoreItem(string Json, string? ETag);

/// <summary>Thrown when a write's or delete's ETag precondition no longer holds.</summary>
public sealed class StorageConcurrencyException : Exception
{
    public StorageConcurrencyException() { }
    public StorageConcurrencyException(string message) : base(message) { }
    public StorageConcurrencyException(string message, Exception inner) : base(message, inner) { }
}

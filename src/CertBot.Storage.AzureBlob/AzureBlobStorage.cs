using System.Net;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Core;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using CertBot.Protocol.State;
using Microsoft.Extensions.Options;

namespace CertBot.Storage.AzureBlob;

/// <summary>
/// <see cref="IStorage"/> on Azure Blob Storage, one block blob per document (the store the Bot Framework and the
/// Agents SDK use to scale out). Preconditions map to HTTP: create-only is <c>If-None-Match: *</c>, a match is
/// <c>If-Match</c>, deletes carry the ETag too. Blob Storage has no multi-blob transaction, so a write of several
/// documents checks every precondition first and, when a later document loses a race, puts the earlier ones back.
/// A store that cannot be reached or refuses the request (after the SDK's retries) is
/// <see cref="StorageUnavailableException"/>: the turn gets 503 and /readyz is red, never a silent success.
/// </summary>
public sealed class AzureBlobStorage : IStorage, IDisposable
{
    private readonly BlobContainerClient _container;
    private readonly SemaphoreSlim _createGate = new(1, 1);
    private volatile bool _containerReady;

    public AzureBlobStorage(IOptions<AzureBlobStorageOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        var clientOptions = new BlobClientOptions();
        clientOptions.Retry.MaxRetries = settings.MaxRetries;
        clientOptions.Retry.Mode = RetryMode.Exponential;
        clientOptions.Retry.Delay = TimeSpan.FromMilliseconds(100);
        clientOptions.Retry.MaxDelay = TimeSpan.FromSeconds(1);
        clientOptions.Retry.NetworkTimeout = settings.RequestTimeout;
        _container = string.IsNullOrWhiteSpace(settings.ConnectionString)
            ? new BlobServiceClient(settings.ServiceUri, new DefaultAzureCredential(), clientOptions).GetBlobContainerClient(settings.Container)
            : new BlobContainerClient(settings.ConnectionString, settings.Container, clientOptions);
    }

    public Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default) =>
        GuardAsync(() => ReadCoreAsync(keys, cancellationToken), cancellationToken);

    public Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken = default) =>
        GuardAsync(() => WriteCoreAsync(changes, cancellationToken), cancellationToken);

    public Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default) =>
        GuardAsync(async () =>
        {
            await DeleteCoreAsync(keys, cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    public Task DeleteAsync(string key, string? etag, CancellationToken cancellationToken = default) =>
        GuardAsync(async () =>
        {
            await DeleteCoreAsync(key, etag, cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    private async Task<IReadOnlyDictionary<string, StoreItem>> ReadCoreAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        await EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
        var reads = await Task.WhenAll(keys.Distinct(StringComparer.Ordinal).Select(async key => (key, item: await DownloadAsync(key, cancellationToken).ConfigureAwait(false)))).ConfigureAwait(false);
        var found = new Dictionary<string, StoreItem>(StringComparer.Ordinal);
        foreach (var (key, item) in reads)
        {
            if (item is not null)
            {
                found[key] = item;
            }
        }

        return found;
    }

    private async Task<IReadOnlyDictionary<string, string>> WriteCoreAsync(IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var etags = new Dictionary<string, string>(StringComparer.Ordinal);
        if (changes.Count == 0)
        {
            return etags;
        }

        await EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
        if (changes.Count == 1)
        {
            var (key, item) = changes.First();
            etags[key] = await UploadAsync(key, item.Json, item.ETag, cancellationToken).ConfigureAwait(false);
            return etags;
        }

        // Several documents: check every precondition (and keep what is stored, to put it back) before writing any.
        var before = new Dictionary<string, StoreItem?>(StringComparer.Ordinal);
        foreach (var (key, item) in changes)
        {
            var stored = await DownloadAsync(key, cancellationToken).ConfigureAwait(false);
            var holds = StoreETags.IsUnconditional(item.ETag)
                || (StoreETags.IsCreateOnly(item.ETag) ? stored is null : stored is not null && stored.ETag == item.ETag);
            if (!holds)
            {
                throw StoreETags.Conflict(key);
            }

            before[key] = stored;
        }

        foreach (var (key, item) in changes)
        {
            try
            {
                etags[key] = await UploadAsync(key, item.Json, item.ETag, cancellationToken).ConfigureAwait(false);
            }
            catch (StorageConcurrencyException)
            {
                await UndoAsync(etags, before).ConfigureAwait(false);
                throw;
            }
        }

        return etags;
    }

    private async Task DeleteCoreAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        await EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
        await Task.WhenAll(keys.Distinct(StringComparer.Ordinal).Select(key =>
            _container.GetBlobClient(BlobKeyCodec.Encode(key)).DeleteIfExistsAsync(cancellationToken: cancellationToken))).ConfigureAwait(false);
    }

    private async Task DeleteCoreAsync(string key, string? etag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        await EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
        var conditions = etag is null || StoreETags.IsUnconditional(etag) ? null : new BlobRequestConditions { IfMatch = new ETag(etag) };
        try
        {
            await _container.GetBlobClient(BlobKeyCodec.Encode(key))
                .DeleteIfExistsAsync(DeleteSnapshotsOption.None, conditions, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.PreconditionFailed)
        {
            // Some servers (Azurite) answer 412 for a blob that is already gone; that is not a conflict.
            if (await _container.GetBlobClient(BlobKeyCodec.Encode(key)).ExistsAsync(cancellationToken).ConfigureAwait(false))
            {
                throw StoreETags.Conflict(key);
            }
        }
    }

    public async IAsyncEnumerable<string> ListKeysAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        await EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
        var pages = _container.GetBlobsAsync(BlobTraits.Metadata, BlobStates.None, BlobKeyCodec.EncodePrefix(prefix), cancellationToken);
        await foreach (var blob in pages.ConfigureAwait(false))
        {
            if (!BlobKeyCodec.IsHashed(blob.Name))
            {
                yield return BlobKeyCodec.Decode(blob.Name);
            }
            else if (blob.Metadata.TryGetValue(BlobKeyCodec.KeyMetadata, out var encodedKey))
            {
                yield return BlobKeyCodec.Decode(encodedKey);
            }
        }
    }

    /// <summary>
    /// What is left after the SDK's retries and the precondition mapping: an unreachable, refusing or failing store.
    /// The message names the status or the kind of failure only (an SDK message can carry URLs and request ids).
    /// </summary>
    private static async Task<T> GuardAsync<T>(Func<Task<T>> operation, CancellationToken cancellationToken)
    {
        try
        {
            return await operation().ConfigureAwait(false);
        }
        catch (RequestFailedException ex)
        {
            throw new StorageUnavailableException(
                ex.Status == 0
                    ? "State storage is unavailable: the blob store cannot be reached."
                    : $"State storage is unavailable: the blob store answered HTTP {ex.Status}.",
                ex);
        }
        catch (AuthenticationFailedException ex)
        {
            throw new StorageUnavailableException("State storage is unavailable: no credential for the blob store (DefaultAzureCredential).", ex);
        }
        catch (Exception ex) when ((ex is OperationCanceledException or AggregateException or HttpRequestException) && !cancellationToken.IsCancellationRequested)
        {
            // The SDK's own network timeout (RequestTimeout) or its retries giving up on transport errors.
            throw new StorageUnavailableException("State storage is unavailable: the blob store did not answer in time.", ex);
        }
    }

    private async Task<StoreItem?> DownloadAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _container.GetBlobClient(BlobKeyCodec.Encode(key)).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return new StoreItem(response.Value.Content.ToString(), response.Value.Details.ETag.ToString());
        }
        catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private async Task<string> UploadAsync(string key, string json, string? etag, CancellationToken cancellationToken)
    {
        var name = BlobKeyCodec.Encode(key);
        var options = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
            Conditions = StoreETags.IsUnconditional(etag) ? null
                : StoreETags.IsCreateOnly(etag) ? new BlobRequestConditions { IfNoneMatch = ETag.All }
                : new BlobRequestConditions { IfMatch = new ETag(etag!) },
        };
        if (BlobKeyCodec.IsHashed(name))
        {
            // The name no longer says which key it holds; listing reads it from here.
            options.Metadata = new Dictionary<string, string> { [BlobKeyCodec.KeyMetadata] = BlobKeyCodec.EncodePrefix(key) };
        }

        try
        {
            var response = await _container.GetBlobClient(name).UploadAsync(BinaryData.FromString(json), options, cancellationToken).ConfigureAwait(false);
            return response.Value.ETag.ToString();
        }
        catch (RequestFailedException ex) when (etag != StoreETags.Any && ex.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.Conflict or (int)HttpStatusCode.NotFound)
        {
            // 412: the ETag changed; 409 BlobAlreadyExists: a create-only write lost; 404: an If-Match on a deleted blob.
            throw StoreETags.Conflict(key);
        }
    }

    private async Task UndoAsync(Dictionary<string, string> written, Dictionary<string, StoreItem?> before)
    {
        foreach (var (key, etag) in written)
        {
            try
            {
                if (before[key] is { } previous)
                {
                    await UploadAsync(key, previous.Json, etag, CancellationToken.None).ConfigureAwait(false);
                }
                else
                {
                    await DeleteAsync(key, etag, CancellationToken.None).ConfigureAwait(false);
                }
            }
            catch (StorageConcurrencyException)
            {
                // Another turn already built on the document; undoing now would lose its update instead.
            }
        }
    }

    private async Task EnsureContainerAsync(CancellationToken cancellationToken)
    {
        if (_containerReady)
        {
            return;
        }

        await _createGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_containerReady)
            {
                await _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                _containerReady = true;
            }
        }
        finally
        {
            _createGate.Release();
        }
    }

    public void Dispose() => _createGate.Dispose();
}

using System.Text.Json;
using CertBot.Protocol.Configuration;
using CertBot.Protocol.Diagnostics;
using CertBot.Protocol.Serialization;
using CertBot.Protocol.State;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CertBot.Protocol.Hosting;

/// <summary>
/// Removes de-duplication records whose window has passed, once per window, so the store does not keep one document
/// per activity for ever. Deletes carry the ETag read, so a record re-claimed meanwhile stays; several instances
/// sweeping at once only repeat each other's work.
/// </summary>
internal sealed class DeliveryRecordSweeper(IStorage storage, IOptions<BotFrameworkOptions> options, TimeProvider clock, ILogger<DeliveryRecordSweeper> logger)
    : BackgroundService
{
    private const int BatchSize = 64;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.Value.DeduplicationWindow, clock, stoppingToken).ConfigureAwait(false);
                await SweepAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed sweep is retried next window; it must never stop the host.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.DeliverySweepFailed(ex);
            }
        }
    }

    /// <summary>One pass over every record; returns how many were removed.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var removed = 0;
        var batch = new List<string>(BatchSize);
        await foreach (var key in storage.ListKeysAsync(ActivityDeduplicator.KeyPrefix, cancellationToken).ConfigureAwait(false))
        {
            batch.Add(key);
            if (batch.Count == BatchSize)
            {
                removed += await RemoveExpiredAsync(batch, cancellationToken).ConfigureAwait(false);
                batch.Clear();
            }
        }

        return removed + await RemoveExpiredAsync(batch, cancellationToken).ConfigureAwait(false);
    }

    private async Task<int> RemoveExpiredAsync(List<string> keys, CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
        {
            return 0;
        }

        var removed = 0;
        var now = clock.GetUtcNow();
        foreach (var (key, item) in await storage.ReadAsync(keys, cancellationToken).ConfigureAwait(false))
        {
            if (JsonSerializer.Deserialize(item.Json, ProtocolJsonContext.Default.DeliveryRecord) is { } record && record.Expires <= now)
            {
                try
                {
                    await storage.DeleteAsync(key, item.ETag, cancellationToken).ConfigureAwait(false);
                    removed++;
                }
                catch (StorageConcurrencyException)
                {
                    // Claimed again since it was read: it is live now.
                }
            }
        }

        return removed;
    }
}

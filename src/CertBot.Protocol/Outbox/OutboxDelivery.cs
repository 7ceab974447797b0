using System.Text.Json;
using CertBot.Protocol.Connector;
using CertBot.Protocol.Diagnostics;
using CertBot.Protocol.Hosting;
using CertBot.Protocol.Schema;
using CertBot.Protocol.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CertBot.Protocol.Outbox;

/// <summary>
/// One delivery pass over the outbox: the oldest reply of each conversation that is due is claimed, sent and recorded;
/// a transient failure waits with exponential backoff and jitter (or the Connector's Retry-After, when longer), a
/// refusal or the last attempt drops it with an error in the log.
/// </summary>
internal sealed class OutboxDelivery(
    ReplyOutbox outbox,
    IServiceProvider services,
    TrustedServiceUrls trusted,
    TurnBudget budget,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxDelivery> logger)
{
    private readonly OutboxOptions _options = options.Value;

    /// <summary>Delivers what is due; returns when the next waiting reply becomes due (null when none waits).</summary>
    public async Task<DateTimeOffset?> DeliverDueAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var entries = await outbox.ReadIndexAsync(cancellationToken).ConfigureAwait(false);
            var heads = entries.GroupBy(e => e.Conversation, StringComparer.Ordinal).Select(g => g.First()).ToList();
            var now = clock.GetUtcNow();
            var progressed = false;
            foreach (var head in heads.Where(h => h.DueAt <= now))
            {
                progressed |= await DeliverAsync(head, cancellationToken).ConfigureAwait(false);
            }

            if (!progressed)
            {
                // A due reply that could not be taken (another instance holds it) is looked at again after a poll.
                return heads.Count == 0 ? null : heads.Min(h => h.DueAt > now ? h.DueAt : now + _options.PollInterval);
            }

            // A conversation's next reply may be due right behind the one just delivered.
        }
    }

    /// <returns>True when the reply left the outbox (so the next one of its conversation may go).</returns>
    private async Task<bool> DeliverAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        var (item, etag) = await outbox.ReadItemAsync(entry.Id, cancellationToken).ConfigureAwait(false);
        if (item is null || etag is null || item.Delivered || item.Activity is null)
        {
            // Delivered by another instance (or an index entry whose reply is gone): only the index is behind.
            await outbox.RemoveAsync(entry, cancellationToken).ConfigureAwait(false);
            return true;
        }

        if (item.LeaseUntil > clock.GetUtcNow())
        {
            return false;
        }

        var claimed = await outbox.TryClaimAsync(item, etag, cancellationToken).ConfigureAwait(false);
        if (claimed is null)
        {
            return false;
        }

        if (item.ServiceUrlValidated)
        {
            // The reply was queued from an authenticated activity; after a restart its service URL is vouched for again.
            trusted.TrustValidated(item.ServiceUrl);
        }

        try
        {
            var response = await SendAsync(item, cancellationToken).ConfigureAwait(false);
            await outbox.CompleteAsync(entry, item, claimed, response?.Id, cancellationToken).ConfigureAwait(false);
            logger.OutboxDelivered(entry.Id, entry.Attempts, response?.Id);
            return true;
        }
        catch (ConnectorException ex) when (ex.Kind == ConnectorFailureKind.MaybeDelivered)
        {
            await outbox.CompleteAsync(entry, item, claimed, null, cancellationToken).ConfigureAwait(false);
            logger.OutboxMaybeDelivered(entry.Id);
            return true;
        }
        catch (Exception ex) when (ex is ConnectorException { Kind: ConnectorFailureKind.Rejected } or ActivityTooLargeException or JsonException)
        {
            await outbox.RemoveAsync(entry, cancellationToken).ConfigureAwait(false);
            logger.OutboxGaveUp(entry.Id, entry.Attempts + 1, ex.Message);
            return true;
        }
        catch (ConnectorException ex)
        {
            if (entry.Attempts + 1 >= _options.MaxAttempts)
            {
                await outbox.RemoveAsync(entry, cancellationToken).ConfigureAwait(false);
                logger.OutboxGaveUp(entry.Id, entry.Attempts + 1, ex.Message);
                return true;
            }

            var delay = Backoff(entry.Attempts);
            if (ex.RetryAfter > delay)
            {
                delay = ex.RetryAfter.Value;
            }

            await outbox.RescheduleAsync(entry, item with { LeaseUntil = null }, claimed, clock.GetUtcNow() + delay, cancellationToken).ConfigureAwait(false);
            logger.OutboxRetryLater(entry.Id, entry.Attempts + 1, delay.TotalMilliseconds, ex.Message);
            return false;
        }
    }

    private async Task<ResourceResponse?> SendAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        var activity = item.Activity!.Value.Deserialize(ProtocolJsonContext.Default.Activity)
            ?? throw new JsonException("The queued reply is not an activity.");
        var connector = services.GetRequiredService<ConnectorClient>();
        var serviceUrl = new Uri(item.ServiceUrl);
        using (budget.Begin(_options.DeliveryTimeout, TimeSpan.Zero))
        {
            return string.IsNullOrEmpty(item.ReplyToId)
                ? await connector.SendToConversationAsync(serviceUrl, item.ConversationId, activity, cancellationToken).ConfigureAwait(false)
                : await connector.ReplyToActivityAsync(serviceUrl, item.ConversationId, item.ReplyToId, activity, cancellationToken).ConfigureAwait(false);
        }
    }

    // Exponential from RetryBaseDelay, capped, with ±50% jitter so instances and conversations do not retry in step.
    private TimeSpan Backoff(int attempts)
    {
        var exponential = _options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempts, 20));
        var capped = Math.Min(exponential, _options.RetryMaxDelay.TotalMilliseconds);
#pragma warning disable CA5394 // Jitter spreads retries; it protects nothing, so a non-cryptographic source is right.
        return TimeSpan.FromMilliseconds(capped * (0.5 + Random.Shared.NextDouble()));
#pragma warning restore CA5394
    }
}

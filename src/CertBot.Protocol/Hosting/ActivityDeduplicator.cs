using System.Text.Json;
using CertBot.Protocol.Configuration;
using CertBot.Protocol.Diagnostics;
using CertBot.Protocol.Schema;
using CertBot.Protocol.Serialization;
using CertBot.Protocol.State;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CertBot.Protocol.Hosting;

/// <summary>
/// Exactly-once delivery across instances through the store: an instance claims an activity id with a create-only
/// record before its turn runs, marks it done only when the turn succeeded (kept for
/// <see cref="BotFrameworkOptions.DeduplicationWindow"/>, with the invoke response a duplicate must get again), and
/// releases it when the turn failed or timed out, so the channel's redelivery runs. A delivery that finds the id
/// claimed waits for that turn to finish; a crashed instance's claim lapses after
/// <see cref="BotFrameworkOptions.DeduplicationClaimTimeout"/>. Every store call ends when its token does, even on a
/// store that ignores the token, so a stalled store never holds a request past its budget.
/// </summary>
internal sealed class ActivityDeduplicator(IStorage storage, IOptions<BotFrameworkOptions> options, TimeProvider clock, ILogger<ActivityDeduplicator> logger)
{
    /// <summary>Prefix of every delivery record, for the sweeper.</summary>
    public const string KeyPrefix = "certbot/deliveries/";
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);
    private readonly BotFrameworkOptions _options = options.Value;

    public static string Key(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return $"{KeyPrefix}{activity.ChannelId}/{activity.Conversation?.Id}/{activity.Id}";
    }

    /// <summary>
    /// Claims the activity for this delivery, or says it is a duplicate: of a finished turn, or of one still running
    /// when <paramref name="cancellationToken"/> ended the wait for it. A store that does not answer before the token
    /// ends throws <see cref="OperationCanceledException"/>.
    /// </summary>
    public async Task<DeliveryClaim> ClaimAsync(Activity activity, CancellationToken cancellationToken)
    {
        var key = Key(activity);
        var running = JsonSerializer.Serialize(
            new DeliveryRecord(DeliveryStates.Running, clock.GetUtcNow() + _options.DeduplicationClaimTimeout), ProtocolJsonContext.Default.DeliveryRecord);
        string? precondition = null;
        var waitedForOther = false;
        try
        {
            while (true)
            {
                try
                {
                    var etags = await storage.WriteAsync(
                        new Dictionary<string, StoreItem> { [key] = new(running, precondition) }, cancellationToken).WaitAsync(cancellationToken).ConfigureAwait(false);
                    return new DeliveryClaim(DeliveryOutcome.Claimed, key, etags[key], null);
                }
                catch (StorageConcurrencyException)
                {
                    // Someone holds or held the id: look at what they left.
                }

                var stored = await storage.ReadAsync([key], cancellationToken).WaitAsync(cancellationToken).ConfigureAwait(false);
                if (!stored.TryGetValue(key, out var item))
                {
                    precondition = null; // released meanwhile: claim afresh
                    continue;
                }

                var record = JsonSerializer.Deserialize(item.Json, ProtocolJsonContext.Default.DeliveryRecord)!;
                if (record.Expires <= clock.GetUtcNow())
                {
                    precondition = item.ETag; // a lapsed claim or an old record: take it over
                    continue;
                }

                if (record.State == DeliveryStates.Done)
                {
                    return new DeliveryClaim(DeliveryOutcome.Finished, key, item.ETag, record);
                }

                // Another delivery of the same activity is running now (possibly on another instance): wait for its outcome.
                waitedForOther = true;
                logger.DuplicateInProgress(activity.Id);
                await Task.Delay(PollInterval, clock, cancellationToken).ConfigureAwait(false);
                precondition = null;
            }
        }
        catch (OperationCanceledException) when (waitedForOther && cancellationToken.IsCancellationRequested)
        {
            // Not a store fault: the store said another delivery holds the id, and that one outlasted this one's budget
            // (whether the token ended during a pause or during the next look).
            return new DeliveryClaim(DeliveryOutcome.StillRunning, key, null, null);
        }
    }

    /// <summary>
    /// Marks the claimed activity as processed within <paramref name="cancellationToken"/> (not the request's: the turn
    /// is committed, its record must be written even if the caller went away); a failure to do so is logged, never a
    /// failed turn.
    /// </summary>
    public async Task CompleteAsync(DeliveryClaim claim, Activity activity, InvokeResponse? invokeResponse, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var done = new DeliveryRecord(DeliveryStates.Done, clock.GetUtcNow() + _options.DeduplicationWindow, invokeResponse?.Status, invokeResponse?.Body);
        try
        {
            await storage.WriteAsync(new Dictionary<string, StoreItem>
            {
                [claim.Key] = new(JsonSerializer.Serialize(done, ProtocolJsonContext.Default.DeliveryRecord), claim.ETag),
            }, cancellationToken).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The turn already succeeded; the record is best effort and its loss only risks a re-run.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.DeliveryRecordFailed(ex, activity?.Id);
        }
    }

    /// <summary>Gives the id back after a failed turn, within <paramref name="cancellationToken"/>, so a redelivery runs it.</summary>
    public async Task ReleaseAsync(DeliveryClaim claim, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        try
        {
            await storage.DeleteAsync(claim.Key, claim.ETag, cancellationToken).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A claim that cannot be released lapses after the claim timeout.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.DeliveryRecordFailed(ex, activity?.Id);
        }
    }
}

/// <summary>What a delivery found: it may run the turn, it repeats one that finished, or one that is still running.</summary>
internal enum DeliveryOutcome
{
    Claimed,
    Finished,
    StillRunning,
}

/// <summary>The result of <see cref="ActivityDeduplicator.ClaimAsync"/>: the record's key and ETag, and for a finished turn its record.</summary>
internal sealed record DeliveryClaim(DeliveryOutcome Outcome, string Key, string? ETag, DeliveryRecord? Finished);

using CertBot.Protocol.Connector;
using CertBot.Protocol.Diagnostics;
using CertBot.Protocol.Hosting;
using CertBot.Protocol.Schema;
using Microsoft.Extensions.Logging;

namespace CertBot.Protocol.Outbox;

/// <summary>
/// How one turn's replies leave: through the Connector while it answers within the turn's budget, otherwise into the
/// <see cref="ReplyOutbox"/>. Once the Connector failed in this turn, or the conversation already has replies waiting,
/// or the time for sends is up, every further reply is queued, so replies keep their order and a failing Connector is
/// not waited for twice. A reply the Connector may have posted before dropping the connection is never sent again.
/// One instance per turn (it remembers the failure); without an outbox it only sends.
/// </summary>
internal sealed class ReplyDelivery(ReplyOutbox? outbox, TurnBudget? budget, ILogger? logger, string? activityId, int maxOutgoingBytes)
{
    private bool _connectorFailed;

    /// <summary>Replies of this turn that went to the outbox instead of the Connector.</summary>
    public int Queued { get; private set; }

    /// <summary>True when the apology of a failed turn must not be sent through the Connector now.</summary>
    public bool MustQueue => outbox is not null && (_connectorFailed || budget?.SendTimeLeft == TimeSpan.Zero);

    /// <summary>Sends <paramref name="activity"/> with <paramref name="send"/>, or queues it; the response id is null when it was queued.</summary>
    public async Task<ResourceResponse> SendAsync(
        Activity activity, string conversationId, Func<CancellationToken, Task<ResourceResponse>> send, CancellationToken cancellationToken)
    {
        var typing = activity.Type == ActivityTypes.Typing;
        var conversation = ReplyOutbox.ConversationKey(activity.ChannelId, conversationId);
        var reason = outbox is null ? null
            : _connectorFailed ? "the Connector failed earlier in this turn"
            : outbox.HasPending(conversation) ? "earlier replies of this conversation are still waiting"
            : budget?.SendTimeLeft == TimeSpan.Zero ? "the turn's time for sends is up"
            : null;
        if (reason is not null)
        {
            // A late typing indicator means nothing: it is dropped, not queued.
            if (!typing)
            {
                await QueueAsync(activity, null, reason).ConfigureAwait(false);
            }

            return new ResourceResponse(null);
        }

        try
        {
            return await send(cancellationToken).ConfigureAwait(false) ?? new ResourceResponse(null);
        }
        catch (ConnectorException ex) when (ex.Kind == ConnectorFailureKind.MaybeDelivered)
        {
            logger?.ReplyMaybeDelivered(activityId);
            return new ResourceResponse(null);
        }
        catch (ConnectorException ex) when (outbox is not null && ex.Kind == ConnectorFailureKind.Transient && !cancellationToken.IsCancellationRequested)
        {
            _connectorFailed = true;
            if (!typing)
            {
                await QueueAsync(activity, ex.RetryAfter, ex.Message).ConfigureAwait(false);
            }

            return new ResourceResponse(null);
        }
    }

    /// <summary>Queues a reply without trying the Connector (the apology of a failed turn).</summary>
    public Task QueueAsync(Activity activity, string reason) => QueueAsync(activity, null, reason);

    private async Task QueueAsync(Activity activity, TimeSpan? notBefore, string reason)
    {
        OutgoingActivitySize.Check(activity, maxOutgoingBytes);
        await outbox!.EnqueueAsync(activity, notBefore).ConfigureAwait(false);
        Queued++;
        logger?.ReplyQueued(activityId, reason);
    }
}

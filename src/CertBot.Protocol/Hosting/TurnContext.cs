using System.Security.Claims;
using CertBot.Protocol.Connector;
using CertBot.Protocol.Outbox;
using CertBot.Protocol.Schema;
using CertBot.Protocol.State;

namespace CertBot.Protocol.Hosting;

/// <summary>
/// The <see cref="ITurnContext"/> the adapter hands to the bot. Nothing the bot sends leaves during the turn: with
/// <c>expectReplies</c> replies are buffered for the HTTP body (no Connector call at all); otherwise sends, replies,
/// updates and deletes are deferred and <see cref="FlushAsync"/> makes the Connector calls, in order, only after the
/// turn's state was saved, so a turn re-run after a state conflict never speaks twice. Typing indicators and
/// conversation creation (idempotent for a personal chat) go out at once. Sends (typing included) go through the
/// turn's <see cref="ReplyDelivery"/>, which queues in the durable outbox what the Connector does not take within the
/// turn's budget; updates and deletes go to the Connector directly.
/// </summary>
public sealed class TurnContext : ITurnContext
{
    private readonly Func<ConnectorClient> _connector;
    private readonly int _maxOutgoingBytes;
    private readonly ReplyDelivery _delivery;
    private readonly List<Activity> _buffered = [];
    private readonly List<Func<ConnectorClient, CancellationToken, Task>> _deferred = [];
    private ConversationReference? _reference;

    internal TurnContext(
        Activity activity, ClaimsIdentity? identity, ITurnState? state, Func<ConnectorClient> connector, int maxOutgoingBytes, ReplyDelivery? delivery = null)
    {
        Activity = activity;
        Identity = identity;
        // Null only for the apology after the state could not even be loaded: it never reaches bot code.
        State = state!;
        _connector = connector;
        _maxOutgoingBytes = maxOutgoingBytes;
        _delivery = delivery ?? new ReplyDelivery(null, null, null, activity.Id, maxOutgoingBytes);
        HasState = state is not null;
        BuffersReplies = string.Equals(activity.DeliveryMode, DeliveryModes.ExpectReplies, StringComparison.Ordinal);
    }

    public Activity Activity { get; }
    public ClaimsIdentity? Identity { get; }
    public ConversationReference ConversationReference => _reference ??= Activity.GetConversationReference();
    public ITurnState State { get; }
    public bool Responded { get; private set; }
    public bool BuffersReplies { get; }
    public InvokeResponse? InvokeResponse { get; set; }

    /// <summary>False only for the context of a turn whose state could not even be loaded (the bot never ran).</summary>
    internal bool HasState { get; }

    /// <summary>Replies of this turn that went to the outbox instead of the Connector.</summary>
    internal int QueuedReplies => _delivery.Queued;

    /// <summary>Activities buffered this turn, in send order.</summary>
    internal IReadOnlyList<Activity> BufferedReplies => _buffered;

    /// <summary>Connector calls waiting for the state save.</summary>
    internal int DeferredCount => _deferred.Count;

    /// <summary>Forgets every reply of a failed turn (buffered or deferred), so only the apology goes out.</summary>
    internal void DiscardReplies()
    {
        _buffered.Clear();
        _deferred.Clear();
    }

    /// <summary>
    /// Makes the deferred Connector calls in the order the bot made them. Sends go through the turn's
    /// <see cref="ReplyDelivery"/>: once the Connector failed or the time for sends is up, the rest are queued in the
    /// outbox instead of lost. A failure that cannot be queued (a rejected call) stops the rest.
    /// </summary>
    internal async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_deferred.Count == 0)
        {
            return;
        }

        var connector = _connector();
        foreach (var call in _deferred)
        {
            await call(connector, cancellationToken).ConfigureAwait(false);
        }

        _deferred.Clear();
    }

    public async Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        activity.Type ??= ActivityTypes.Message;
        ApplyIncomingDefaults(activity);

        if (BuffersReplies)
        {
            if (activity.Type == ActivityTypes.Typing)
            {
                // A typing indicator means nothing inside a buffered answer.
                return new ResourceResponse(null);
            }

            OutgoingActivitySize.Check(activity, _maxOutgoingBytes);
            _buffered.Add(activity);
            Responded = true;
            return new ResourceResponse(null);
        }

        var serviceUrl = RequireServiceUrl();
        var conversationId = activity.Conversation?.Id ?? throw new InvalidOperationException("The outgoing activity has no conversation id.");
        var replyToId = activity.ReplyToId;
        Func<ConnectorClient, CancellationToken, Task<ResourceResponse>> send = (connector, ct) => string.IsNullOrEmpty(replyToId)
            ? connector.SendToConversationAsync(serviceUrl, conversationId, activity, ct)
            : connector.ReplyToActivityAsync(serviceUrl, conversationId, replyToId, activity, ct);
        if (activity.Type == ActivityTypes.Typing)
        {
            // Says "working on it" now; it changes no state, so a re-run after a conflict may send it again harmlessly.
            return await _delivery.SendAsync(activity, conversationId, ct => send(_connector(), ct), cancellationToken).ConfigureAwait(false);
        }

        OutgoingActivitySize.Check(activity, _maxOutgoingBytes);
        Defer(activity, conversationId, send);
        Responded = true;
        return new ResourceResponse(null);
    }

    public async Task<ResourceResponse> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (string.IsNullOrEmpty(activity.Id))
        {
            throw new ArgumentException("An update needs the id of the activity to replace.", nameof(activity));
        }

        activity.Type ??= ActivityTypes.Message;
        ApplyIncomingDefaults(activity, setReplyTo: false);
        if (BuffersReplies)
        {
            // Buffered callers see the replacement as an activity carrying the id it replaces.
            OutgoingActivitySize.Check(activity, _maxOutgoingBytes);
            _buffered.Add(activity);
            return new ResourceResponse(activity.Id);
        }

        var serviceUrl = RequireServiceUrl();
        var conversationId = activity.Conversation!.Id!;
        var activityId = activity.Id;
        _deferred.Add((connector, ct) => connector.UpdateActivityAsync(serviceUrl, conversationId, activityId, activity, ct));
        await Task.CompletedTask.ConfigureAwait(false);
        return new ResourceResponse(activity.Id);
    }

    public async Task DeleteActivityAsync(string activityId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        if (BuffersReplies)
        {
            _buffered.Add(new Activity
            {
                Type = ActivityTypes.MessageDelete,
                Id = activityId,
                Conversation = ActivityExtensions.CopyConversation(Activity.Conversation),
                ChannelId = Activity.ChannelId,
            });
            return;
        }

        var serviceUrl = RequireServiceUrl();
        var conversationId = RequireConversationId();
        _deferred.Add((connector, ct) => connector.DeleteActivityAsync(serviceUrl, conversationId, activityId, ct));
        await Task.CompletedTask.ConfigureAwait(false);
    }

    public Task SendTypingAsync(CancellationToken cancellationToken = default) =>
        SendActivityAsync(new Activity { Type = ActivityTypes.Typing }, cancellationToken);

    public Task<ConversationResourceResponse> CreateConversationAsync(ConversationParameters parameters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (BuffersReplies)
        {
            throw new InvalidOperationException("Cannot create a conversation while replies are buffered (deliveryMode expectReplies).");
        }

        return _connector().CreateConversationAsync(RequireServiceUrl(), parameters, cancellationToken);
    }

    public async Task<ResourceResponse> SendToConversationAsync(string conversationId, Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentNullException.ThrowIfNull(activity);
        if (BuffersReplies)
        {
            throw new InvalidOperationException("Cannot send to another conversation while replies are buffered (deliveryMode expectReplies).");
        }

        activity.Type ??= ActivityTypes.Message;
        activity.Conversation ??= new ConversationAccount { Id = conversationId, TenantId = Activity.Conversation?.TenantId };
        activity.ChannelId ??= Activity.ChannelId;
        activity.ServiceUrl ??= Activity.ServiceUrl;
        activity.From ??= Activity.Recipient;
        var serviceUrl = RequireServiceUrl();
        OutgoingActivitySize.Check(activity, _maxOutgoingBytes);
        Defer(activity, conversationId, (connector, ct) => connector.SendToConversationAsync(serviceUrl, conversationId, activity, ct));
        await Task.CompletedTask.ConfigureAwait(false);
        return new ResourceResponse(null);
    }

    /// <summary>A send waiting for the save; it leaves through <see cref="ReplyDelivery"/> (the Connector, or the outbox).</summary>
    private void Defer(Activity activity, string conversationId, Func<ConnectorClient, CancellationToken, Task<ResourceResponse>> send) =>
        _deferred.Add((connector, ct) => _delivery.SendAsync(activity, conversationId, token => send(connector, token), ct));

    /// <summary>
    /// Queues the apology of a failed turn instead of sending it: never through a Connector that just failed in this
    /// turn, nor once the budget for sends is spent. False when it should be sent the usual way.
    /// </summary>
    internal async Task<bool> TryQueueInsteadAsync(Activity activity)
    {
        if (BuffersReplies || !_delivery.MustQueue)
        {
            return false;
        }

        activity.Type ??= ActivityTypes.Message;
        ApplyIncomingDefaults(activity);
        await _delivery.QueueAsync(activity, "the turn failed and the Connector cannot be used now").ConfigureAwait(false);
        Responded = true;
        return true;
    }

    private void ApplyIncomingDefaults(Activity activity, bool setReplyTo = true)
    {
        activity.Conversation ??= ActivityExtensions.CopyConversation(Activity.Conversation);
        activity.From ??= Activity.Recipient is null ? null : new ChannelAccount { Id = Activity.Recipient.Id, Name = Activity.Recipient.Name };
        activity.Recipient ??= Activity.From is null ? null : new ChannelAccount { Id = Activity.From.Id, Name = Activity.From.Name, AadObjectId = Activity.From.AadObjectId };
        activity.ChannelId ??= Activity.ChannelId;
        activity.ServiceUrl ??= Activity.ServiceUrl;
        if (setReplyTo)
        {
            activity.ReplyToId ??= Activity.Id;
        }
    }

    private Uri RequireServiceUrl() =>
        Uri.TryCreate(Activity.ServiceUrl, UriKind.Absolute, out var uri)
            ? uri
            : throw new InvalidOperationException("The incoming activity has no usable serviceUrl; use deliveryMode expectReplies for in-process turns.");

    private string RequireConversationId() =>
        Activity.Conversation?.Id ?? throw new InvalidOperationException("The incoming activity has no conversation id.");
}

using System.Security.Claims;
using CertBot.Protocol.Connector;
using CertBot.Protocol.Diagnostics;
using CertBot.Protocol.Outbox;
using CertBot.Protocol.Schema;
using CertBot.Protocol.State;
using Microsoft.Extensions.Logging;

namespace CertBot.Protocol.Hosting;

/// <summary>
/// The <see cref="ITurnContext"/> the adapter hands to the bot: sends go to the Connector, or into a buffer when the
/// incoming activity asked for <c>expectReplies</c> (then no Connector call is made at all). Sends go through the
/// turn's <see cref="ReplyDelivery"/>, which queues what the Connector does not take within the budget.
/// </summary>
public sealed class TurnContext : ITurnContext
{
    private readonly Func<ConnectorClient> _connector;
    private readonly int _maxOutgoingBytes;
    private readonly ReplyDelivery _delivery;
    private readonly List<Activity> _buffered = [];
    private ConversationReference? _reference;

    internal TurnContext(
        Activity activity,
        ClaimsIdentity? identity,
        ITurnState state,
        Func<ConnectorClient> connector,
        int maxOutgoingBytes,
        ReplyOutbox? outbox = null,
        TurnBudget? budget = null,
        ILogger? logger = null)
    {
        Activity = activity;
        Identity = identity;
        State = state;
        _connector = connector;
        _maxOutgoingBytes = maxOutgoingBytes;
        _delivery = new ReplyDelivery(outbox, budget, logger, activity.Id, maxOutgoingBytes);
        BuffersReplies = string.Equals(activity.DeliveryMode, DeliveryModes.ExpectReplies, StringComparison.Ordinal);
    }

    /// <summary>Replies of this turn that went to the outbox instead of the Connector.</summary>
    internal int QueuedReplies => _delivery.Queued;

    public Activity Activity { get; }
    public ClaimsIdentity? Identity { get; }
    public ConversationReference ConversationReference => _reference ??= Activity.GetConversationReference();
    public ITurnState State { get; }
    public bool Responded { get; private set; }
    public bool BuffersReplies { get; }
    public InvokeResponse? InvokeResponse { get; set; }

    /// <summary>Activities buffered this turn, in send order.</summary>
    internal IReadOnlyList<Activity> BufferedReplies => _buffered;

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

            OutgoingActivitySize.SerializeChecked(activity, _maxOutgoingBytes);
            _buffered.Add(activity);
            Responded = true;
            return new ResourceResponse(null);
        }

        var serviceUrl = RequireServiceUrl();
        var conversationId = activity.Conversation?.Id ?? throw new InvalidOperationException("The outgoing activity has no conversation id.");
        return await DeliverAsync(
            activity,
            conversationId,
            (connector, token) => string.IsNullOrEmpty(activity.ReplyToId)
                ? connector.SendToConversationAsync(serviceUrl, conversationId, activity, token)
                : connector.ReplyToActivityAsync(serviceUrl, conversationId, activity.ReplyToId, activity, token),
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<ResourceResponse> DeliverAsync(
        Activity activity, string conversationId, Func<ConnectorClient, CancellationToken, Task<ResourceResponse>> send, CancellationToken cancellationToken)
    {
        var response = await _delivery.SendAsync(activity, conversationId, token => send(_connector(), token), cancellationToken).ConfigureAwait(false);
        Responded |= activity.Type != ActivityTypes.Typing;
        return response;
    }

    /// <summary>Queues the apology of a failed turn: never through a Connector that just failed or once the budget is spent.</summary>
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
            OutgoingActivitySize.SerializeChecked(activity, _maxOutgoingBytes);
            _buffered.Add(activity);
            return new ResourceResponse(activity.Id);
        }

        var response = await _connector().UpdateActivityAsync(
            RequireServiceUrl(), activity.Conversation!.Id!, activity.Id, activity, cancellationToken).ConfigureAwait(false);
        return response ?? new ResourceResponse(activity.Id);
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

        await _connector().DeleteActivityAsync(RequireServiceUrl(), RequireConversationId(), activityId, cancellationToken).ConfigureAwait(false);
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
        return await DeliverAsync(
            activity, conversationId, (connector, token) => connector.SendToConversationAsync(serviceUrl, conversationId, activity, token), cancellationToken).ConfigureAwait(false);
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

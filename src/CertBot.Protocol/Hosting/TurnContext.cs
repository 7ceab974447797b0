using System.Security.Claims;
using CertBot.Protocol.Connector;
using CertBot.Protocol.Schema;
using CertBot.Protocol.State;

namespace CertBot.Protocol.Hosting;

/// <summary>
/// The <see cref="ITurnContext"/> the adapter hands to the bot. Nothing the bot sends leaves during the turn: with
/// <c>expectReplies</c> replies are buffered for the HTTP body (no Connector call at all); otherwise sends, replies,
/// updates and deletes are deferred and <see cref="FlushAsync"/> makes the Connector calls, in order, only after the
/// turn's state was saved, so a turn re-run after a state conflict never speaks twice. Typing indicators and
/// conversation creation (idempotent for a personal chat) go out at once.
/// </summary>
public sealed class TurnContext : ITurnContext
{
    private readonly Func<ConnectorClient> _connector;
    private readonly int _maxOutgoingBytes;
    private readonly List<Activity> _buffered = [];
    private readonly List<Func<ConnectorClient, CancellationToken, Task>> _deferred = [];
    private ConversationReference? _reference;

    internal TurnContext(Activity activity, ClaimsIdentity? identity, ITurnState? state, Func<ConnectorClient> connector, int maxOutgoingBytes)
    {
        Activity = activity;
        Identity = identity;
        // Null only for the apology after the state could not even be loaded: it never reaches bot code.
        State = state!;
        _connector = connector;
        _maxOutgoingBytes = maxOutgoingBytes;
        BuffersReplies = string.Equals(activity.DeliveryMode, DeliveryModes.ExpectReplies, StringComparison.Ordinal);
    }

    public Activity Activity { get; }
    public ClaimsIdentity? Identity { get; }
    public ConversationReference ConversationReference => _reference ??= Activity.GetConversationReference();
    public ITurnState State { get; }
    public bool Responded { get; private set; }
    public bool BuffersReplies { get; }
    public InvokeResponse? InvokeResponse { get; set; }

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

    /// <summary>Makes the deferred Connector calls in the order the bot made them; the first failure stops the rest.</summary>
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

            OutgoingActivitySize.SerializeChecked(activity, _maxOutgoingBytes);
            _buffered.Add(activity);
            Responded = true;
            return new ResourceResponse(null);
        }

        var serviceUrl = RequireServiceUrl();
        var conversationId = activity.Conversation?.Id ?? throw new InvalidOperationException("The outgoing activity has no conversation id.");
        if (activity.Type == ActivityTypes.Typing)
        {
            var connector = _connector();
            var typing = string.IsNullOrEmpty(activity.ReplyToId)
                ? await connector.SendToConversationAsync(serviceUrl, conversationId, activity, cancellationToken).ConfigureAwait(false)
                : await connector.ReplyToActivityAsync(serviceUrl, conversationId, activity.ReplyToId, activity, cancellationToken).ConfigureAwait(false);
            return typing ?? new ResourceResponse(null);
        }

        OutgoingActivitySize.SerializeChecked(activity, _maxOutgoingBytes);
        var replyToId = activity.ReplyToId;
        _deferred.Add((connector, ct) => string.IsNullOrEmpty(replyToId)
            ? connector.SendToConversationAsync(serviceUrl, conversationId, activity, ct)
            : connector.ReplyToActivityAsync(serviceUrl, conversationId, replyToId, activity, ct));
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
            OutgoingActivitySize.SerializeChecked(activity, _maxOutgoingBytes);
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
        OutgoingActivitySize.SerializeChecked(activity, _maxOutgoingBytes);
        _deferred.Add((connector, ct) => connector.SendToConversationAsync(serviceUrl, conversationId, activity, ct));
        await Task.CompletedTask.ConfigureAwait(false);
        return new ResourceResponse(null);
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

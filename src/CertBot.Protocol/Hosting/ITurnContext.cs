using System.Security.Claims;
using CertBot.Protocol.Schema;
using CertBot.Protocol.State;

namespace CertBot.Protocol.Hosting;

/// <summary>One turn of a conversation: the incoming activity and the ways to answer it.</summary>
public interface ITurnContext
{
    /// <summary>The incoming activity (after the adapter's normalisation).</summary>
    Activity Activity { get; }

    /// <summary>The authenticated caller, or null in local (anonymous) mode.</summary>
    ClaimsIdentity? Identity { get; }

    /// <summary>Reference to this conversation, for proactive sends later.</summary>
    ConversationReference ConversationReference { get; }

    /// <summary>Conversation and user state, loaded before the turn and saved after it.</summary>
    ITurnState State { get; }

    /// <summary>True once anything was sent in this turn.</summary>
    bool Responded { get; }

    /// <summary>True when replies are buffered and returned in the HTTP body (deliveryMode expectReplies).</summary>
    bool BuffersReplies { get; }

    /// <summary>Set by invoke handlers; written as the HTTP response of the invoke.</summary>
    InvokeResponse? InvokeResponse { get; set; }

    /// <summary>Sends an activity; conversation, from/recipient, channel and replyToId are filled from the incoming one when absent.</summary>
    Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default);

    /// <summary>Replaces an activity the bot sent earlier (Id must be set).</summary>
    Task<ResourceResponse> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken = default);

    Task DeleteActivityAsync(string activityId, CancellationToken cancellationToken = default);

    /// <summary>Shows the typing indicator.</summary>
    Task SendTypingAsync(CancellationToken cancellationToken = default);

    /// <summary>Opens a new conversation (e.g. a personal chat with the user); not available when replies are buffered.</summary>
    Task<ConversationResourceResponse> CreateConversationAsync(ConversationParameters parameters, CancellationToken cancellationToken = default);

    /// <summary>Sends an activity into another conversation on the same, already validated serviceUrl.</summary>
    Task<ResourceResponse> SendToConversationAsync(string conversationId, Activity activity, CancellationToken cancellationToken = default);
}

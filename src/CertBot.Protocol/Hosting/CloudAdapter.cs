using System.Security.Claims;
using System.Text.Json;
using CertBot.Protocol.Configuration;
using CertBot.Protocol.Connector;
using CertBot.Protocol.Diagnostics;
using CertBot.Protocol.Schema;
using CertBot.Protocol.Serialization;
using CertBot.Protocol.State;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CertBot.Protocol.Hosting;

/// <summary>
/// Runs turns: normalises the incoming activity, hands it to the <see cref="TurnRunner"/> (state loaded with ETags,
/// saved with them, the turn re-run on a conflict: no lock, so any number of instances can share one store), then
/// delivers the replies, which leave only after the save. A failure becomes a logged error plus an apology.
/// Usable in-process (console chat) without HTTP or authentication.
/// </summary>
public sealed class CloudAdapter
{
    private readonly IServiceScopeFactory _scopes;
    private readonly TurnRunner _runner;
    private readonly IStorage _storage;
    private readonly TrustedServiceUrls _trustedServiceUrls;
    private readonly BotFrameworkOptions _options;
    private readonly ILogger<CloudAdapter> _logger;

    public CloudAdapter(
        IServiceScopeFactory scopes,
        TurnRunner runner,
        IStorage storage,
        TrustedServiceUrls trustedServiceUrls,
        IOptions<BotFrameworkOptions> options,
        ILogger<CloudAdapter> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _scopes = scopes;
        _runner = runner;
        _storage = storage;
        _trustedServiceUrls = trustedServiceUrls;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>
    /// Runs one turn. With <c>deliveryMode</c> = <c>expectReplies</c> every reply is returned in
    /// <see cref="TurnResult.Replies"/> and nothing goes to the Connector. Invokes get <see cref="BotFrameworkOptions.InvokeTimeout"/>;
    /// past it the result is a 500 invoke response.
    /// </summary>
    public async Task<TurnResult> ProcessActivityAsync(Activity activity, ClaimsIdentity? identity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (string.IsNullOrEmpty(activity.Type))
        {
            throw new ArgumentException("The activity has no type.", nameof(activity));
        }

        if (string.IsNullOrEmpty(activity.Conversation?.Id))
        {
            throw new ArgumentException("The activity has no conversation id.", nameof(activity));
        }

        Normalize(activity, identity);
        if (activity.Type != ActivityTypes.Invoke)
        {
            return await RunTurnAsync(activity, identity, cancellationToken).ConfigureAwait(false);
        }

        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var turn = RunTurnAsync(activity, identity, budget.Token);
        var finished = await Task.WhenAny(turn, Task.Delay(_options.InvokeTimeout, cancellationToken)).ConfigureAwait(false);
        if (finished == turn)
        {
            return await turn.ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
        _logger.InvokeTimedOut(activity.Id, _options.InvokeTimeout.TotalMilliseconds);
        await budget.CancelAsync().ConfigureAwait(false);
        _ = turn.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        return new TurnResult([], new InvokeResponse(500), Faulted: true);
    }

    /// <summary>
    /// Runs <paramref name="callback"/> in a turn for a conversation (proactive message). When the store holds this
    /// conversation's reference with a service URL a validated channel token vouched for, that URL is trusted again
    /// here, on any instance and after restarts.
    /// </summary>
    public async Task<TurnResult> ContinueConversationAsync(
        ConversationReference reference, Func<ITurnContext, CancellationToken, Task> callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(callback);
        var activity = new Activity
        {
            Type = ActivityTypes.Event,
            Name = "ContinueConversation",
            ChannelId = reference.ChannelId,
            ServiceUrl = reference.ServiceUrl,
            Conversation = reference.Conversation,
            From = reference.User,
            Recipient = reference.Bot,
            Locale = reference.Locale,
        };
        if (await GetConversationReferenceAsync(reference.ChannelId ?? "unknown", reference.Conversation?.Id ?? "", cancellationToken).ConfigureAwait(false) is
            { ServiceUrlValidated: true } stored
            && string.Equals(stored.Reference.ServiceUrl, reference.ServiceUrl, StringComparison.OrdinalIgnoreCase)
            && reference.ServiceUrl is not null)
        {
            _trustedServiceUrls.TrustValidated(reference.ServiceUrl);
        }

        return await RunTurnAsync(activity, identity: null, cancellationToken, callback).ConfigureAwait(false);
    }

    /// <summary>The reference an earlier turn of this conversation left in the store (on any instance), or null.</summary>
    public async Task<StoredConversationReference?> GetConversationReferenceAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        var key = TurnState.ReferenceKey(channelId, conversationId);
        var stored = await _storage.ReadAsync([key], cancellationToken).ConfigureAwait(false);
        return stored.TryGetValue(key, out var item)
            ? JsonSerializer.Deserialize(item.Json, ProtocolJsonContext.Default.StoredConversationReference)
            : null;
    }

    private static void Normalize(Activity activity, ClaimsIdentity? identity)
    {
        // A callerId on the wire is never trusted (A2251); it is stamped only for an authenticated channel caller.
        activity.CallerId = identity?.FindFirst("serviceurl") is not null ? "urn:botframework:azure" : null;
        if (activity.Type == ActivityTypes.Message)
        {
            activity.RemoveRecipientMention();
        }
    }

    private async Task<TurnResult> RunTurnAsync(
        Activity activity,
        ClaimsIdentity? identity,
        CancellationToken cancellationToken,
        Func<ITurnContext, CancellationToken, Task>? callback = null)
    {
        // One scope for the Connector of the whole turn; the bot gets a fresh scope per run inside the runner.
        var delivery = _scopes.CreateAsyncScope();
        await using (delivery.ConfigureAwait(false))
        {
            var connector = delivery.ServiceProvider.GetRequiredService<ConnectorClient>;
            var outcome = await _runner.RunAsync(activity, identity, connector, callback, cancellationToken).ConfigureAwait(false);
            var context = outcome.Context;
            var isInvoke = activity.Type == ActivityTypes.Invoke;
            if (!outcome.Committed)
            {
                if (outcome.Failure is StorageConcurrencyException)
                {
                    _logger.StateConflict(activity.Id);
                }

                _logger.TurnFailed(outcome.Failure!, activity.Id, activity.Type);
                context.DiscardReplies();
                await ApologizeAsync(context, cancellationToken).ConfigureAwait(false);
                return new TurnResult([.. context.BufferedReplies], isInvoke ? new InvokeResponse(500) : null, Faulted: true);
            }

            var invokeResponse = isInvoke ? context.InvokeResponse ?? new InvokeResponse(501) : null;
            try
            {
                await context.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
#pragma warning disable CA1031 // The state is saved; an undeliverable reply is logged and answered with an apology, never a crash.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                _logger.RepliesUndelivered(ex, activity.Id);
                context.DiscardReplies();
                await ApologizeAsync(context, cancellationToken).ConfigureAwait(false);
                return new TurnResult([], isInvoke ? new InvokeResponse(500) : null, Faulted: true, Committed: true);
            }

            return new TurnResult([.. context.BufferedReplies], invokeResponse, Committed: true);
        }
    }

    private async Task ApologizeAsync(TurnContext context, CancellationToken cancellationToken)
    {
        if (context.Activity.Type is not (ActivityTypes.Message or ActivityTypes.Invoke or ActivityTypes.ConversationUpdate))
        {
            return;
        }

        try
        {
            await context.SendActivityAsync(
                new Activity { Type = ActivityTypes.Message, Text = _options.ErrorMessage }, cancellationToken).ConfigureAwait(false);
            await context.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The apology is best effort; its failure must not hide the original error.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _logger.ApologyFailed(ex, context.Activity.Id);
        }
    }
}

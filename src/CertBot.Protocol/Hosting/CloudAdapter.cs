using System.Runtime.ExceptionServices;
using System.Security.Claims;
using System.Text.Json;
using CertBot.Protocol.Configuration;
using CertBot.Protocol.Connector;
using CertBot.Protocol.Diagnostics;
using CertBot.Protocol.Outbox;
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
/// delivers the replies, which leave only after the save, through the turn's <see cref="ReplyDelivery"/>: the
/// Connector while it answers within the budget, otherwise the durable <see cref="ReplyOutbox"/>. A failure becomes a
/// logged error plus an apology (queued, not sent, when the Connector just failed or the budget is spent).
/// Every turn runs inside a <see cref="TurnBudget"/> (<see cref="BotFrameworkOptions.TurnTimeout"/>, invokes
/// <see cref="BotFrameworkOptions.InvokeTimeout"/>): past it the turn is cancelled and answered as failed.
/// Usable in-process (console chat) without HTTP or authentication.
/// </summary>
public sealed class CloudAdapter
{
    private readonly IServiceScopeFactory _scopes;
    private readonly TurnRunner _runner;
    private readonly IStorage _storage;
    private readonly TrustedServiceUrls _trustedServiceUrls;
    private readonly BotFrameworkOptions _options;
    private readonly TurnBudget _budget;
    private readonly ReplyOutbox? _outbox;
    private readonly ILogger<CloudAdapter> _logger;
    private readonly CertBotTelemetry _telemetry;
    private readonly ITurnFailureReply _failureReply;

    public CloudAdapter(
        IServiceScopeFactory scopes,
        TurnRunner runner,
        IStorage storage,
        TrustedServiceUrls trustedServiceUrls,
        IOptions<BotFrameworkOptions> options,
        TurnBudget budget,
        ILogger<CloudAdapter> logger,
        CertBotTelemetry telemetry,
        ITurnFailureReply failureReply,
        ReplyOutbox? outbox = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(failureReply);
        _scopes = scopes;
        _runner = runner;
        _storage = storage;
        _trustedServiceUrls = trustedServiceUrls;
        _options = options.Value;
        _budget = budget;
        _outbox = outbox;
        _logger = logger;
        _telemetry = telemetry;
        _failureReply = failureReply;
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
        return await RunBoundedAsync(activity, identity, callback: null, cancellationToken).ConfigureAwait(false);
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

        return await RunBoundedAsync(activity, identity: null, callback, cancellationToken).ConfigureAwait(false);
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

    /// <summary>
    /// Runs a turn inside its budget (the request's, when the endpoint started one). When the budget is spent the
    /// turn's token is cancelled and the caller gets a failed result at once, even if bot code ignores the token; a
    /// turn whose state was saved by then says so (<see cref="TurnResult.Committed"/>), so its redelivery is not run,
    /// and one cut while waiting on the store says that (<see cref="TurnResult.StorageUnavailable"/>: 503, not 500).
    /// </summary>
    private async Task<TurnResult> RunBoundedAsync(
        Activity activity, ClaimsIdentity? identity, Func<ITurnContext, CancellationToken, Task>? callback, CancellationToken cancellationToken)
    {
        var isInvoke = activity.Type == ActivityTypes.Invoke;
        var timeout = isInvoke && _options.InvokeTimeout < _options.TurnTimeout ? _options.InvokeTimeout : _options.TurnTimeout;
        // An invoke's answer is its HTTP body, so its budget keeps only a small reserve for queueing replies.
        var reserve = isInvoke ? TimeSpan.FromTicks(Math.Min(_options.TurnReserve.Ticks, timeout.Ticks / 5)) : _options.TurnReserve;
        using var scope = _budget.Begin(timeout, reserve);
        var left = _budget.Left!.Value;
        var bounded = _budget.ForTurn(timeout, cancellationToken);
        var progress = new TurnProgress();
        var turn = RunTurnAsync(activity, identity, bounded, progress, callback);
        if (turn.IsCompleted)
        {
            // Most turns finish without yielding (in-memory or SQLite state, replies in the response): no timer to race
            // and nothing to hand to the thread pool, whose wake-ups cost more CPU on a small machine than the turn.
            using (bounded)
            {
                return await CompletedAsync(turn, bounded, activity, left, progress).ConfigureAwait(false);
            }
        }

        // Disposed when the turn ends, which may be after this method returned (bot code that ignores its token).
        _ = turn.ContinueWith(static (_, state) => ((BudgetToken)state!).Dispose(), bounded, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        using var wake = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var finished = await Task.WhenAny(turn, Task.Delay(left, _budget.Clock, wake.Token)).ConfigureAwait(false);
        await wake.CancelAsync().ConfigureAwait(false);
        if (finished == turn || turn.IsCompleted)
        {
            return await CompletedAsync(turn, bounded, activity, left, progress).ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
        // The turn goes on in the background until it notices its cancelled token; its own failure is logged there, and
        // replies of a saved turn still leave through the outbox.
        _ = turn.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        return CutAtBudget(activity, left, progress);
    }

    private async Task<TurnResult> CompletedAsync(Task<TurnResult> turn, BudgetToken bounded, Activity activity, TimeSpan left, TurnProgress progress)
    {
        try
        {
            return await turn.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (bounded.TimedOut)
        {
            // Admission wait or state load did not finish in time; the bot never ran.
            return CutAtBudget(activity, left, progress);
        }
    }

    /// <summary>
    /// The answer for a turn cut at its budget: when it was waiting on the store (its state load or save had not
    /// answered), the store failed it and the channel should retry later (503); otherwise the bot ran out of time (500).
    /// </summary>
    private TurnResult CutAtBudget(Activity activity, TimeSpan budget, TurnProgress progress)
    {
        var committed = progress.Committed;
        var store = progress.AwaitingStore && !committed;
        if (store)
        {
            _logger.StorageTimedOut(activity.Id);
        }
        else
        {
            _logger.TurnTimedOut(activity.Id, activity.Type, budget.TotalMilliseconds);
        }

        var invoke = activity.Type == ActivityTypes.Invoke ? new InvokeResponse(store ? 503 : 500) : null;
        return new TurnResult([], invoke, Faulted: true, Committed: committed, StorageUnavailable: store);
    }

    private async Task<TurnResult> RunTurnAsync(
        Activity activity,
        ClaimsIdentity? identity,
        BudgetToken budget,
        TurnProgress progress,
        Func<ITurnContext, CancellationToken, Task>? callback = null)
    {
        var cancellationToken = budget.Token;
        using var telemetry = _telemetry.StartTurn(activity.Type, activity.Id);
        // One scope for the Connector of the whole turn; the bot gets a fresh scope per run inside the runner.
        var delivery = _scopes.CreateAsyncScope();
        await using (delivery.ConfigureAwait(false))
        {
            var connector = delivery.ServiceProvider.GetRequiredService<ConnectorClient>;
            // One per turn, shared by every run: a Connector failure seen by a typing indicator holds for the replies too.
            var replies = new ReplyDelivery(_outbox, _budget, _logger, activity.Id, _options.MaxOutgoingActivityBytes);
            var outcome = await _runner.RunAsync(activity, identity, connector, callback, replies, telemetry, progress, cancellationToken).ConfigureAwait(false);
            var context = outcome.Context;
            var isInvoke = activity.Type == ActivityTypes.Invoke;
            if (!outcome.Committed)
            {
                var failure = outcome.Failure!;
                if (failure is OperationCanceledException && !budget.TimedOut)
                {
                    // The caller went away (not our budget): nobody is waiting for an answer or an apology.
                    ExceptionDispatchInfo.Capture(failure).Throw();
                }

                // Cut by the budget while its state save (or load) waited on the store: the store's failure, not the bot's.
                var storeTimedOut = failure is OperationCanceledException && progress.AwaitingStore;
                var storage = storeTimedOut || failure is StorageUnavailableException;
                if (failure is StorageConcurrencyException)
                {
                    _logger.StateConflict(activity.Id);
                }

                if (storeTimedOut)
                {
                    _logger.StorageTimedOut(activity.Id);
                }
                else if (storage)
                {
                    _logger.StorageFailed(failure, activity.Id);
                }
                else
                {
                    _logger.TurnFailed(failure, activity.Id, activity.Type);
                }

                telemetry.Failed(failure);
                context.DiscardReplies();
                // A store that could not even load the state: the bot never ran and the channel retries on the 503.
                if (context.HasState || !storage)
                {
                    await ApologizeAsync(context, cancellationToken).ConfigureAwait(false);
                }

                return new TurnResult(
                    [.. context.BufferedReplies], isInvoke ? new InvokeResponse(storage ? 503 : 500) : null, Faulted: true, StorageUnavailable: storage);
            }

            progress.MarkCommitted();
            var invokeResponse = isInvoke ? context.InvokeResponse ?? new InvokeResponse(501) : null;
            try
            {
                await context.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && !budget.TimedOut)
            {
                throw;
            }
#pragma warning disable CA1031 // The state is saved; an undeliverable reply is logged and answered with an apology, never a crash.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                _logger.RepliesUndelivered(ex, activity.Id);
                telemetry.Failed(ex);
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
            // In the person's words: the host picks the apology for the activity (its locale) from its own catalogues.
            var apology = new Activity { Type = ActivityTypes.Message, Text = _failureReply.TextFor(context.Activity) };
            if (!await context.TryQueueInsteadAsync(apology).ConfigureAwait(false))
            {
                await context.SendActivityAsync(apology, cancellationToken).ConfigureAwait(false);
                await context.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }
#pragma warning disable CA1031 // The apology is best effort; its failure must not hide the original error.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _logger.ApologyFailed(ex, context.Activity.Id);
        }
    }
}

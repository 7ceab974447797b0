using System.Security.Claims;
using CertBot.Protocol.Configuration;
using CertBot.Protocol.Connector;
using CertBot.Protocol.Diagnostics;
using CertBot.Protocol.Outbox;
using CertBot.Protocol.Schema;
using CertBot.Protocol.State;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CertBot.Protocol.Hosting;

/// <summary>
/// Runs turns: normalises the incoming activity, serializes turns per conversation, loads and saves state, resolves
/// the host's <see cref="IBot"/> per turn and turns a failure into a logged error plus an apology to the user.
/// Every turn runs inside a <see cref="TurnBudget"/> (<see cref="BotFrameworkOptions.TurnTimeout"/>, invokes
/// <see cref="BotFrameworkOptions.InvokeTimeout"/>): past it the turn is cancelled and answered as failed.
/// Usable in-process (console chat) without HTTP or authentication.
/// </summary>
public sealed class CloudAdapter
{
    private readonly IServiceScopeFactory _scopes;
    private readonly IStorage _storage;
    private readonly BotFrameworkOptions _options;
    private readonly TurnBudget _budget;
    private readonly ReplyOutbox? _outbox;
    private readonly ILogger<CloudAdapter> _logger;
    private readonly CertBotTelemetry _telemetry;
    private readonly ConversationLocks _locks = new();

    public CloudAdapter(
        IServiceScopeFactory scopes,
        IStorage storage,
        IOptions<BotFrameworkOptions> options,
        TurnBudget budget,
        ILogger<CloudAdapter> logger,
        CertBotTelemetry telemetry,
        ReplyOutbox? outbox = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _scopes = scopes;
        _storage = storage;
        _options = options.Value;
        _budget = budget;
        _outbox = outbox;
        _logger = logger;
        _telemetry = telemetry;
    }

    /// <summary>Conversations with a turn running or waiting (lets tests prove locks do not leak).</summary>
    internal int ActiveConversationLocks => _locks.Count;

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

    /// <summary>Runs <paramref name="callback"/> in a turn for a stored conversation (proactive message).</summary>
    public Task<TurnResult> ContinueConversationAsync(
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
        return RunBoundedAsync(activity, identity: null, callback, cancellationToken);
    }

    /// <summary>
    /// Runs a turn inside its budget (the request's, when the endpoint started one). When the budget is spent the
    /// turn's token is cancelled and the caller gets a failed result at once, even if bot code ignores the token.
    /// </summary>
    private async Task<TurnResult> RunBoundedAsync(
        Activity activity, ClaimsIdentity? identity, Func<ITurnContext, CancellationToken, Task>? callback, CancellationToken cancellationToken)
    {
        var isInvoke = activity.Type == ActivityTypes.Invoke;
        var timeout = isInvoke && _options.InvokeTimeout < _options.TurnTimeout ? _options.InvokeTimeout : _options.TurnTimeout;
        // An invoke's answer is its HTTP body, so its budget keeps only a small reserve for the state write.
        var reserve = isInvoke ? TimeSpan.FromTicks(Math.Min(_options.TurnReserve.Ticks, timeout.Ticks / 5)) : _options.TurnReserve;
        using var scope = _budget.Begin(timeout, reserve);
        var left = _budget.Left!.Value;
        var bounded = _budget.ForTurn(timeout, cancellationToken);
        var turn = RunTurnAsync(activity, identity, bounded, callback);
        // Disposed when the turn ends, which may be after this method returned (bot code that ignores its token).
        _ = turn.ContinueWith(static (_, state) => ((BudgetToken)state!).Dispose(), bounded, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        using var wake = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var finished = await Task.WhenAny(turn, Task.Delay(left, _budget.Clock, wake.Token)).ConfigureAwait(false);
        await wake.CancelAsync().ConfigureAwait(false);
        if (finished == turn || turn.IsCompleted)
        {
            try
            {
                return await turn.ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (bounded.TimedOut)
            {
                // Lock wait or state load did not finish in time; the bot never ran.
                _logger.TurnTimedOut(activity.Id, activity.Type, timeout.TotalMilliseconds);
                return new TurnResult([], isInvoke ? new InvokeResponse(500) : null, Faulted: true);
            }
            catch (StorageUnavailableException ex)
            {
                // State could not even be read: the bot never ran, and the channel should try again later.
                _logger.StorageFailed(ex, activity.Id);
                return new TurnResult([], isInvoke ? new InvokeResponse(503) : null, Faulted: true, StorageUnavailable: true);
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        _logger.TurnTimedOut(activity.Id, activity.Type, timeout.TotalMilliseconds);
        // The turn goes on in the background until it notices its cancelled token; its own failure is logged there.
        _ = turn.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        return new TurnResult([], isInvoke ? new InvokeResponse(500) : null, Faulted: true);
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
        BudgetToken budget,
        Func<ITurnContext, CancellationToken, Task>? callback = null)
    {
        var cancellationToken = budget.Token;
        var channelId = string.IsNullOrEmpty(activity.ChannelId) ? "unknown" : activity.ChannelId;
        using var telemetry = _telemetry.StartTurn(activity.Type, activity.Id);
        using var turnLock = await _locks.AcquireAsync($"{channelId}/{activity.Conversation!.Id}", cancellationToken).ConfigureAwait(false);
        telemetry.Completed(TurnPhases.Lock);
        var state = await TurnState.LoadAsync(_storage, channelId, activity.Conversation.Id!, activity.From?.Id, cancellationToken).ConfigureAwait(false);
        telemetry.Completed(TurnPhases.Load);

        var scope = _scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var services = scope.ServiceProvider;
            var context = new TurnContext(
                activity, identity, state, services.GetRequiredService<ConnectorClient>, _options.MaxOutgoingActivityBytes, _outbox, _budget, _logger);
            try
            {
                if (callback is null)
                {
                    await services.GetRequiredService<IBot>().OnTurnAsync(context, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await callback(context, cancellationToken).ConfigureAwait(false);
                }

                telemetry.Completed(TurnPhases.Bot);
                await state.SaveAsync(cancellationToken).ConfigureAwait(false);
                telemetry.Completed(TurnPhases.Save);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && !budget.TimedOut)
            {
                throw;
            }
#pragma warning disable CA1031 // Any failure of bot code must become a logged error and an apology, never a crash.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                if (ex is StorageConcurrencyException)
                {
                    _logger.StateConflict(activity.Id);
                }

                var storage = ex is StorageUnavailableException;
                if (storage)
                {
                    _logger.StorageFailed(ex, activity.Id);
                }
                else
                {
                    _logger.TurnFailed(ex, activity.Id, activity.Type);
                }

                telemetry.Failed(ex);

                await ApologizeAsync(context, cancellationToken).ConfigureAwait(false);
                return new TurnResult(
                    [.. context.BufferedReplies],
                    activity.Type == ActivityTypes.Invoke ? new InvokeResponse(storage ? 503 : 500) : null,
                    Faulted: true,
                    StorageUnavailable: storage);
            }

            var invokeResponse = activity.Type == ActivityTypes.Invoke ? context.InvokeResponse ?? new InvokeResponse(501) : null;
            return new TurnResult([.. context.BufferedReplies], invokeResponse);
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
            var apology = new Activity { Type = ActivityTypes.Message, Text = _options.ErrorMessage };
            if (!await context.TryQueueInsteadAsync(apology).ConfigureAwait(false))
            {
                await context.SendActivityAsync(apology, cancellationToken).ConfigureAwait(false);
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

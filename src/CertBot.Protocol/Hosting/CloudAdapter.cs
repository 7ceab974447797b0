using System.Security.Claims;
using CertBot.Protocol.Configuration;
using CertBot.Protocol.Connector;
using CertBot.Protocol.Diagnostics;
using CertBot.Protocol.Schema;
using CertBot.Protocol.State;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CertBot.Protocol.Hosting;

/// <summary>
/// Runs turns: normalises the incoming activity, serializes turns per conversation, loads and saves state, resolves
/// the host's <see cref="IBot"/> per turn and turns a failure into a logged error plus an apology to the user.
/// Usable in-process (console chat) without HTTP or authentication.
/// </summary>
public sealed class CloudAdapter
{
    private readonly IServiceScopeFactory _scopes;
    private readonly IStorage _storage;
    private readonly BotFrameworkOptions _options;
    private readonly ILogger<CloudAdapter> _logger;
    private readonly CertBotTelemetry _telemetry;
    private readonly ConversationLocks _locks = new();

    public CloudAdapter(IServiceScopeFactory scopes, IStorage storage, IOptions<BotFrameworkOptions> options, ILogger<CloudAdapter> logger, CertBotTelemetry telemetry)
    {
        ArgumentNullException.ThrowIfNull(options);
        _scopes = scopes;
        _storage = storage;
        _options = options.Value;
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
        return RunTurnAsync(activity, identity: null, cancellationToken, callback);
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
                activity, identity, state, services.GetRequiredService<ConnectorClient>, _options.MaxOutgoingActivityBytes);
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
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
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

                _logger.TurnFailed(ex, activity.Id, activity.Type);
                telemetry.Failed(ex);
                await ApologizeAsync(context, cancellationToken).ConfigureAwait(false);
                return new TurnResult(
                    [.. context.BufferedReplies],
                    activity.Type == ActivityTypes.Invoke ? new InvokeResponse(500) : null,
                    Faulted: true);
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
            await context.SendActivityAsync(
                new Activity { Type = ActivityTypes.Message, Text = _options.ErrorMessage }, cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The apology is best effort; its failure must not hide the original error.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _logger.ApologyFailed(ex, context.Activity.Id);
        }
    }
}

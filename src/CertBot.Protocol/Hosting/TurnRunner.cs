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
/// Runs one turn against shared state without any lock: load the conversation and user documents with their ETags,
/// run the bot with every send held back, save with the ETags as preconditions; when another turn (on this instance
/// or another) saved first, throw this attempt away and run the turn again on what it saved. The pattern of the Bot
/// Framework scale-out sample, so per-conversation ordering and the shared user document need only the store.
/// The caller sends the held-back replies once <see cref="RunAsync"/> returns: after a successful save.
/// </summary>
public sealed class TurnRunner(
    IServiceScopeFactory scopes,
    IStorage storage,
    IOptions<BotFrameworkOptions> options,
    TimeProvider clock,
    ILogger<TurnRunner> logger)
{
    private readonly BotFrameworkOptions _options = options.Value;
    private readonly TurnAdmission _admission = new();

    /// <summary>Conversations and users with a turn of this instance running or queued (for leak tests).</summary>
    internal int AdmittedKeys => _admission.Count;

    /// <summary>
    /// Runs the bot (or <paramref name="callback"/>) until its state save succeeds, or until the bot throws, the store
    /// fails, or every one of <see cref="BotFrameworkOptions.StateConflictRetries"/> runs lost a race (then the outcome
    /// carries the failure and the last run's context, for the apology). Cancellation while waiting or loading
    /// propagates; cancellation once the bot runs (a spent turn budget) is the outcome's failure, so the adapter can
    /// still queue the apology with that run's context. The context of a committed outcome holds the replies to
    /// deliver; nothing was sent yet except typing indicators (through <paramref name="delivery"/>'s send-or-queue).
    /// <paramref name="progress"/> hears when a state load or save starts and when the store answered it.
    /// </summary>
    internal async Task<TurnOutcome> RunAsync(
        Activity activity,
        ClaimsIdentity? identity,
        Func<ConnectorClient> connector,
        Func<ITurnContext, CancellationToken, Task>? callback,
        ReplyDelivery delivery,
        TurnTelemetry? telemetry,
        TurnProgress? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(activity);
        var channelId = string.IsNullOrEmpty(activity.ChannelId) ? "unknown" : activity.ChannelId;
        var conversationId = activity.Conversation!.Id!;
        var validatedServiceUrl = identity?.FindFirst("serviceurl")?.Value;
        using var admitted = await _admission.EnterAsync(
            activity.From?.Id is { } userId
                ? [TurnState.ConversationKey(channelId, conversationId), TurnState.UserKey(channelId, userId)]
                : [TurnState.ConversationKey(channelId, conversationId)],
            _options.TurnAdmissionWait, clock, cancellationToken).ConfigureAwait(false);
        telemetry?.Completed(TurnPhases.Lock);
        for (var attempt = 1; ; attempt++)
        {
            TurnContext? context = null;
            // A fresh scope per run: nothing a handler kept from a thrown-away run can leak into the next one.
            var scope = scopes.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                try
                {
                    progress?.StoreCallStarted();
                    var state = await TurnState.LoadAsync(storage, channelId, conversationId, activity.From?.Id, cancellationToken).ConfigureAwait(false);
                    progress?.StoreAnswered();
                    telemetry?.Completed(TurnPhases.Load);
                    context = new TurnContext(activity, identity, state, connector, _options.MaxOutgoingActivityBytes, delivery);
                    if (callback is null)
                    {
                        await scope.ServiceProvider.GetRequiredService<IBot>().OnTurnAsync(context, cancellationToken).ConfigureAwait(false);
                    }
                    else
                    {
                        await callback(context, cancellationToken).ConfigureAwait(false);
                    }

                    telemetry?.Completed(TurnPhases.Bot);
                    if (callback is null && !string.IsNullOrEmpty(activity.ServiceUrl))
                    {
                        state.RememberReference(context.ConversationReference, ServiceUrlIsValidated(activity.ServiceUrl, validatedServiceUrl));
                    }

                    progress?.StoreCallStarted();
                    await state.SaveAsync(cancellationToken).ConfigureAwait(false);
                    progress?.StoreAnswered();
                    telemetry?.Completed(TurnPhases.Save);
                    return new TurnOutcome(context, attempt, null);
                }
                catch (StorageConcurrencyException) when (attempt < _options.StateConflictRetries)
                {
                    // The store answered (another turn saved first); the pause before the next run is not waiting on it.
                    progress?.StoreAnswered();
                    logger.StateConflictRetry(activity.Id, attempt);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && context is null)
                {
                    throw;
                }
#pragma warning disable CA1031 // Any failure of bot code or of the store becomes the outcome; the adapter apologises.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    if (ex is StorageConcurrencyException)
                    {
                        progress?.StoreAnswered();
                    }

                    return new TurnOutcome(
                        context ?? new TurnContext(activity, identity, null, connector, _options.MaxOutgoingActivityBytes, delivery), attempt, ex);
                }
            }

            await Task.Delay(Backoff(attempt), clock, cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool ServiceUrlIsValidated(string serviceUrl, string? claimed) =>
        claimed is not null && string.Equals(claimed.TrimEnd('/'), serviceUrl.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);

    /// <summary>Short jittered exponential backoff, so turns racing for one document spread out instead of colliding again.</summary>
    private TimeSpan Backoff(int attempt)
    {
        var ceiling = Math.Min(_options.StateConflictMaxDelay.TotalMilliseconds, 2.0 * Math.Pow(2, Math.Min(attempt, 10)));
#pragma warning disable CA5394 // Jitter, not security.
        return TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * ceiling);
#pragma warning restore CA5394
    }
}

/// <summary>
/// How a turn ended: its last run's context (replies to deliver, invoke response), how many runs it took, and the
/// failure, if any (then nothing of the turn was saved).
/// </summary>
public sealed record TurnOutcome(TurnContext Context, int Attempts, Exception? Failure)
{
    public bool Committed => Failure is null;
}

using System.Buffers;
using System.Security.Claims;
using System.Text.Json;
using CertBot.Protocol.Authentication;
using CertBot.Protocol.Configuration;
using CertBot.Protocol.Diagnostics;
using CertBot.Protocol.Schema;
using CertBot.Protocol.Serialization;
using CertBot.Protocol.State;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CertBot.Protocol.Hosting;

/// <summary>
/// <c>POST /api/messages</c>: checks method, media type, size and shape, authenticates, applies the tenant
/// allow-list and de-duplication (through the store, so a redelivery to another instance is caught too), runs the
/// turn inline and writes the protocol's response.
/// A disallowed tenant gets 403: the caller proved who it is, it is just not welcome. The whole request runs in one
/// <see cref="TurnBudget"/> of <see cref="BotFrameworkOptions.TurnTimeout"/>; signing keys that cannot be had in it
/// give 503 (our side is not ready), never a wait on a stalled metadata endpoint, and so does a store that fails or
/// does not answer in it (never a silent success): the de-duplication claim runs in the budget, and the turn of a
/// claimed activity ends <see cref="BotFrameworkOptions.DeduplicationWriteTimeout"/> early so that its record's write
/// (done, or released for the redelivery) fits in what is left.
/// </summary>
internal sealed class MessagesEndpoint(
    CloudAdapter adapter,
    ChannelTokenValidator validator,
    ActivityDeduplicator deduplicator,
    TurnBudget budget,
    IOptions<BotFrameworkOptions> options,
    ILogger<MessagesEndpoint> logger)
{
    private const int ReadChunk = 16 * 1024;
    private readonly BotFrameworkOptions _options = options.Value;
    private readonly HashSet<string> _allowedTenants = new(options.Value.AllowedTenantIds, StringComparer.OrdinalIgnoreCase);

    public async Task HandleAsync(HttpContext http)
    {
        var request = http.Request;
        var response = http.Response;
        var cancellationToken = http.RequestAborted;
        using var requestBudget = budget.Begin(_options.TurnTimeout, _options.TurnReserve);

        if (!HttpMethods.IsPost(request.Method))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            response.Headers.Allow = "POST";
            return;
        }

        if (!request.HasJsonContentType())
        {
            logger.RequestRejected("content type is not JSON");
            response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return;
        }

        if (request.ContentLength > _options.MaxRequestBodyBytes)
        {
            logger.RequestRejected("body too large");
            response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        var body = await ReadBodyAsync(request.Body, _options.MaxRequestBodyBytes, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            logger.RequestRejected("body too large");
            response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        Activity? activity;
        try
        {
            activity = body.Length == 0 ? null : JsonSerializer.Deserialize(body, ProtocolJsonContext.Default.Activity);
        }
        catch (JsonException)
        {
            activity = null;
        }

        if (activity is null)
        {
            await WriteProblemAsync(response, "Malformed activity", "The body is not a JSON activity.", cancellationToken).ConfigureAwait(false);
            return;
        }

        var shapeError = InboundActivityShape.Check(activity, _options.MaxIdentifierLength);
        if (shapeError is not null)
        {
            await WriteProblemAsync(response, "Invalid activity", shapeError, cancellationToken).ConfigureAwait(false);
            return;
        }

        ClaimsIdentity? identity;
        using (var authBudget = budget.ForTurn(_options.TurnTimeout, cancellationToken))
        {
            try
            {
                identity = await validator.AuthenticateAsync(
                    request.Headers.Authorization.ToString(), activity.ChannelId, activity.ServiceUrl, authBudget.Token).ConfigureAwait(false);
            }
            catch (ChannelAuthenticationException ex)
            {
                logger.AuthenticationFailed(activity.Id, ex.Message);
                response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }
            catch (Exception ex) when (ex is SigningKeysUnavailableException || (ex is OperationCanceledException && authBudget.TimedOut))
            {
                logger.SigningKeysUnavailable(activity.Id);
                await WriteProblemAsync(
                    response, "Not ready", "The bot cannot check tokens yet; try again shortly.", CancellationToken.None,
                    StatusCodes.Status503ServiceUnavailable).ConfigureAwait(false);
                return;
            }
        }

        if (_allowedTenants.Count > 0 && (TenantOf(activity) is not { } tenant || !_allowedTenants.Contains(tenant)))
        {
            logger.TenantRejected(activity.Id);
            response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        if (string.IsNullOrEmpty(activity.Id))
        {
            var untracked = await adapter.ProcessActivityAsync(activity, identity, cancellationToken).ConfigureAwait(false);
            if (untracked.StorageUnavailable)
            {
                await WriteStorageUnavailableAsync(response).ConfigureAwait(false);
                return;
            }

            await WriteTurnResultAsync(response, activity, untracked, cancellationToken).ConfigureAwait(false);
            return;
        }

        DeliveryClaim claim;
        using (var claimBudget = budget.ForTurn(_options.TurnTimeout, cancellationToken))
        {
            try
            {
                claim = await deduplicator.ClaimAsync(activity, claimBudget.Token).ConfigureAwait(false);
            }
            catch (StorageUnavailableException ex)
            {
                logger.StorageFailed(ex, activity.Id);
                await WriteStorageUnavailableAsync(response).ConfigureAwait(false);
                return;
            }
            catch (OperationCanceledException) when (claimBudget.TimedOut)
            {
                // The store did not answer the claim within the budget (the wait for another delivery is not a throw).
                logger.StorageTimedOut(activity.Id);
                await WriteStorageUnavailableAsync(response).ConfigureAwait(false);
                return;
            }
        }

        if (claim.Outcome == DeliveryOutcome.StillRunning)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                return; // the caller went away while it waited: nobody reads an answer
            }

            // Another delivery of this activity is still running past our budget: the channel should ask again.
            logger.TurnTimedOut(activity.Id, activity.Type, _options.TurnTimeout.TotalMilliseconds);
            await WriteProblemAsync(
                response, "Busy", "This activity is still being processed; try again shortly.", CancellationToken.None,
                StatusCodes.Status503ServiceUnavailable).ConfigureAwait(false);
            return;
        }

        if (claim.Outcome == DeliveryOutcome.Finished)
        {
            logger.DuplicateIgnored(activity.Id);
            await WriteTurnResultAsync(response, activity, DuplicateResult(activity, claim.Finished!), cancellationToken).ConfigureAwait(false);
            return;
        }

        var result = await RunClaimedAsync(activity, identity, claim, cancellationToken).ConfigureAwait(false);
        if (result.StorageUnavailable)
        {
            await WriteStorageUnavailableAsync(response).ConfigureAwait(false);
            return;
        }

        await WriteTurnResultAsync(response, activity, result, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs a claimed activity; the id is recorded as done only once its state is saved, and released otherwise. The
    /// turn ends <see cref="BotFrameworkOptions.DeduplicationWriteTimeout"/> before the request's budget and the record
    /// is written in that time, so a store that stalls after the claim still gets the request answered within the budget
    /// (a release that cannot be written lapses after <see cref="BotFrameworkOptions.DeduplicationClaimTimeout"/>).
    /// </summary>
    private async Task<TurnResult> RunClaimedAsync(Activity activity, ClaimsIdentity? identity, DeliveryClaim claim, CancellationToken cancellationToken)
    {
        TurnResult? result = null;
        try
        {
            using (budget.Begin((budget.Left ?? _options.TurnTimeout) - _options.DeduplicationWriteTimeout, _options.TurnReserve))
            {
                result = await adapter.ProcessActivityAsync(activity, identity, cancellationToken).ConfigureAwait(false);
            }

            return result;
        }
        finally
        {
            // Not the request's token: the record must be written even if the caller went away.
            using var record = budget.ForCall(_options.DeduplicationWriteTimeout, CancellationToken.None);
            if (result is { Committed: true })
            {
                await deduplicator.CompleteAsync(claim, activity, result.InvokeResponse, record.Token).ConfigureAwait(false);
            }
            else
            {
                await deduplicator.ReleaseAsync(claim, activity, record.Token).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Never a silent success: the turn's state was not kept (the store failed, or did not answer within the budget),
    /// so the channel must not think it was. It says what failed and to retry later, nothing internal.
    /// </summary>
    private static Task WriteStorageUnavailableAsync(HttpResponse response) =>
        WriteProblemAsync(
            response, "State store unavailable", "The bot could not reach its state store; try again later.", CancellationToken.None,
            StatusCodes.Status503ServiceUnavailable);

    /// <summary>What a repeat of a finished turn gets: the same kind of body, without running anything again.</summary>
    private static TurnResult DuplicateResult(Activity activity, DeliveryRecord finished) =>
        new([], activity.Type == ActivityTypes.Invoke && finished.InvokeStatus is { } status ? new InvokeResponse(status, finished.InvokeBody) : null, Committed: true);

    private static async Task WriteTurnResultAsync(HttpResponse response, Activity activity, TurnResult result, CancellationToken cancellationToken)
    {
        var isInvoke = activity.Type == ActivityTypes.Invoke;
        if (string.Equals(activity.DeliveryMode, DeliveryModes.ExpectReplies, StringComparison.Ordinal))
        {
            var activities = new List<Activity>(result.Replies);
            JsonElement? invokeBody = null;
            if (isInvoke && result.InvokeResponse is { } invoke)
            {
                invokeBody = invoke.Body;
                activities.Add(new Activity
                {
                    Type = ActivityTypes.InvokeResponse,
                    Value = JsonSerializer.SerializeToElement(invoke, ProtocolJsonContext.Default.InvokeResponse),
                });
            }

            response.StatusCode = isInvoke && result.InvokeResponse is { } status ? status.Status : StatusCodes.Status200OK;
            response.ContentType = "application/json; charset=utf-8";
            await JsonSerializer.SerializeAsync(
                response.Body, new ExpectedReplies(activities, invokeBody), ProtocolJsonContext.Default.ExpectedReplies, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (isInvoke)
        {
            var invoke = result.InvokeResponse ?? new InvokeResponse(StatusCodes.Status501NotImplemented);
            response.StatusCode = invoke.Status;
            if (invoke.Body is { } invokeBody && !result.Faulted)
            {
                response.ContentType = "application/json; charset=utf-8";
                await JsonSerializer.SerializeAsync(response.Body, invokeBody, ProtocolJsonContext.Default.JsonElement, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        // Never a stack trace: a failed turn is an empty 500 (the user already got the apology message).
        response.StatusCode = result.Faulted ? StatusCodes.Status500InternalServerError : StatusCodes.Status200OK;
    }

    /// <summary>The tenant from <c>channelData.tenant.id</c>, else <c>conversation.tenantId</c>.</summary>
    internal static string? TenantOf(Activity activity)
    {
        if (activity.ChannelData is { ValueKind: JsonValueKind.Object } channelData
            && channelData.TryGetProperty("tenant", out var tenant)
            && tenant.ValueKind == JsonValueKind.Object
            && tenant.TryGetProperty("id", out var id)
            && id.ValueKind == JsonValueKind.String)
        {
            return id.GetString();
        }

        return activity.Conversation?.TenantId;
    }

    /// <summary>Reads at most <paramref name="limit"/> bytes; null when the body is longer.</summary>
    private static async Task<byte[]?> ReadBodyAsync(Stream body, long limit, CancellationToken cancellationToken)
    {
        var chunk = ArrayPool<byte>.Shared.Rent(ReadChunk);
        try
        {
            using var buffer = new MemoryStream();
            int read;
            while ((read = await body.ReadAsync(chunk.AsMemory(0, ReadChunk), cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    private static async Task WriteProblemAsync(
        HttpResponse response, string title, string detail, CancellationToken cancellationToken, int status = StatusCodes.Status400BadRequest)
    {
        response.StatusCode = status;
        response.ContentType = "application/problem+json";
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            response.Headers.RetryAfter = "5";
        }

        var section = status == StatusCodes.Status503ServiceUnavailable ? "15.6.4" : "15.5.1";
        var problem = new ProblemDocument($"https://tools.ietf.org/html/rfc9110#section-{section}", title, status, detail);
        await JsonSerializer.SerializeAsync(response.Body, problem, ProtocolJsonContext.Default.ProblemDocument, cancellationToken).ConfigureAwait(false);
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CertBot.Protocol.Configuration;
using CertBot.Protocol.Diagnostics;
using CertBot.Protocol.Hosting;
using CertBot.Protocol.Schema;
using CertBot.Protocol.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using Polly.Timeout;

namespace CertBot.Protocol.Connector;

/// <summary>
/// Typed client for the Bot Connector REST API (v3) relative to an activity's serviceUrl. Retries (429 with
/// Retry-After, 412/502/503/504) come from the resilience handler registered with it. Every call, token included, ends
/// when the current <see cref="TurnBudget"/> stops sends; a failure is a <see cref="ConnectorException"/> whose
/// <see cref="ConnectorException.Kind"/> says whether the activity may be sent again.
/// </summary>
public sealed class ConnectorClient
{
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json") { CharSet = "utf-8" };

    private readonly HttpClient _http;
    private readonly IConnectorTokenProvider _tokens;
    private readonly TrustedServiceUrls _trusted;
    private readonly BotFrameworkOptions _options;
    private readonly TurnBudget _budget;
    private readonly ILogger<ConnectorClient> _logger;

    public ConnectorClient(
        HttpClient http,
        IConnectorTokenProvider tokens,
        TrustedServiceUrls trusted,
        IOptions<BotFrameworkOptions> options,
        TurnBudget budget,
        ILogger<ConnectorClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _tokens = tokens;
        _trusted = trusted;
        _options = options.Value;
        _budget = budget;
        _logger = logger;
    }

    /// <summary>POST v3/conversations/{conversationId}/activities — a new message in the conversation.</summary>
    public Task<ResourceResponse> SendToConversationAsync(
        Uri serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        return SendAsync(HttpMethod.Post, serviceUrl, $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities",
            conversationId, Serialize(activity), ProtocolJsonContext.Default.ResourceResponse, "sendToConversation", cancellationToken);
    }

    /// <summary>POST v3/conversations/{conversationId}/activities/{activityId} — a reply to an activity.</summary>
    public Task<ResourceResponse> ReplyToActivityAsync(
        Uri serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        return SendAsync(HttpMethod.Post, serviceUrl, ActivityPath(conversationId, activityId),
            conversationId, Serialize(activity), ProtocolJsonContext.Default.ResourceResponse, "replyToActivity", cancellationToken);
    }

    /// <summary>PUT v3/conversations/{conversationId}/activities/{activityId} — replaces a sent activity.</summary>
    public Task<ResourceResponse> UpdateActivityAsync(
        Uri serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        return SendAsync(HttpMethod.Put, serviceUrl, ActivityPath(conversationId, activityId),
            conversationId, Serialize(activity), ProtocolJsonContext.Default.ResourceResponse, "updateActivity", cancellationToken);
    }

    /// <summary>DELETE v3/conversations/{conversationId}/activities/{activityId}.</summary>
    public async Task DeleteActivityAsync(
        Uri serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        await SendAsync<ResourceResponse>(HttpMethod.Delete, serviceUrl, ActivityPath(conversationId, activityId),
            conversationId, null, null, "deleteActivity", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>POST v3/conversations — opens a conversation (e.g. a personal chat).</summary>
    public Task<ConversationResourceResponse> CreateConversationAsync(
        Uri serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var body = JsonSerializer.SerializeToUtf8Bytes(parameters, ProtocolJsonContext.Default.ConversationParameters);
        return SendAsync(HttpMethod.Post, serviceUrl, "v3/conversations", null, body,
            ProtocolJsonContext.Default.ConversationResourceResponse, "createConversation", cancellationToken)!;
    }

    /// <summary>Serializes an outgoing activity, rejecting it when larger than Teams accepts.</summary>
    internal byte[] Serialize(Activity activity) => OutgoingActivitySize.SerializeChecked(activity, _options.MaxOutgoingActivityBytes);

    private static string ActivityPath(string conversationId, string activityId) =>
        $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/{Uri.EscapeDataString(activityId)}";

    private async Task<T> SendAsync<T>(
        HttpMethod method,
        Uri serviceUrl,
        string relativePath,
        string? conversationId,
        byte[]? body,
        JsonTypeInfo<T>? responseType,
        string operation,
        CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(serviceUrl);
        var target = new Uri(EnsureTrailingSlash(serviceUrl), relativePath);
        using var bounded = _budget.ForSends(_options.TurnTimeout, cancellationToken);
        try
        {
            return await SendBoundedAsync(method, target, serviceUrl, conversationId, body, responseType, operation, bounded.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The budget ran out, or an HttpClient timeout (token endpoint) fired: not posted, worth sending later.
            throw new ConnectorException(
                ConnectorFailureKind.Transient,
                bounded.TimedOut ? $"Connector {operation} did not finish within the turn's budget." : $"Connector {operation} timed out.",
                ex);
        }
        catch (TimeoutRejectedException ex)
        {
            throw new ConnectorException(ConnectorFailureKind.Transient, $"Connector {operation} did not answer within {_options.ConnectorTimeout.TotalSeconds:0.#} s.", ex);
        }
        catch (HttpRequestException ex)
        {
            // Only a request that never left can be sent again safely; a dropped answer may hide a posted activity.
            throw ConnectorRetryPolicy.NeverSent(ex)
                ? new ConnectorException(ConnectorFailureKind.Transient, $"Connector {operation} could not connect.", ex)
                : new ConnectorException(ConnectorFailureKind.MaybeDelivered, $"Connector {operation} dropped the connection after the request was sent.", ex);
        }
        catch (MsalException ex)
        {
            throw new ConnectorException(ConnectorFailureKind.Transient, "No Connector token could be obtained.", ex);
        }
    }

    private async Task<T> SendBoundedAsync<T>(
        HttpMethod method,
        Uri target,
        Uri serviceUrl,
        string? conversationId,
        byte[]? body,
        JsonTypeInfo<T>? responseType,
        string operation,
        CancellationToken cancellationToken)
        where T : class
    {
        var token = await GetTokenForAsync(serviceUrl, forceRefresh: false, cancellationToken).ConfigureAwait(false);

        using var response = await SendOnceAsync(method, target, conversationId, body, token, cancellationToken).ConfigureAwait(false);
        var final = response;
        HttpResponseMessage? retried = null;
        try
        {
            if (response.StatusCode == HttpStatusCode.Unauthorized && token is not null)
            {
                // A revoked or rotated token: MSAL's cache would hand it out again, so force one refresh.
                _logger.ConnectorUnauthorizedRetry();
                token = await GetTokenForAsync(serviceUrl, forceRefresh: true, cancellationToken).ConfigureAwait(false);
                retried = await SendOnceAsync(method, target, conversationId, body, token, cancellationToken).ConfigureAwait(false);
                final = retried;
            }

            if (!final.IsSuccessStatusCode)
            {
                var error = await final.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                _logger.ConnectorCallFailed(operation, (int)final.StatusCode, error);
                throw new ConnectorException(
                    final.StatusCode, $"Connector {operation} failed with HTTP {(int)final.StatusCode}.", ConnectorRetryPolicy.RetryAfter(final, _budget.Clock.GetUtcNow()));
            }

            if (responseType is null)
            {
                return null!;
            }

            var bytes = await final.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (bytes.Length == 0)
            {
                return null!;
            }

            try
            {
                return JsonSerializer.Deserialize(bytes, responseType)!;
            }
            catch (JsonException)
            {
                // Some channels answer 2xx with a non-JSON body; the send itself succeeded.
                return null!;
            }
        }
        finally
        {
            retried?.Dispose();
        }
    }

    private async Task<HttpResponseMessage> SendOnceAsync(
        HttpMethod method, Uri target, string? conversationId, byte[]? body, string? token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, target);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = JsonContentType;
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (conversationId is not null)
        {
            request.Headers.TryAddWithoutValidation("x-ms-conversation-id", conversationId);
        }

        return await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
    }

    private async Task<string?> GetTokenForAsync(Uri serviceUrl, bool forceRefresh, CancellationToken cancellationToken)
    {
        if (_options.IsLocalMode)
        {
            return null;
        }

        if (!_trusted.IsTrusted(serviceUrl))
        {
            throw new ConnectorException(
                $"Refusing to send the bot's token to untrusted service URL host '{serviceUrl.Host}'. Only service URLs from authenticated activities or BotFramework:TrustedServiceUrlHosts are allowed.");
        }

        return await _tokens.GetTokenAsync(forceRefresh, cancellationToken).ConfigureAwait(false);
    }

    private static Uri EnsureTrailingSlash(Uri uri) =>
        uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}

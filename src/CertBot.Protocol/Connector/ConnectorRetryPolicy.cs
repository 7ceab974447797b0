using System.Net;
using Polly;

namespace CertBot.Protocol.Connector;

/// <summary>
/// Which Connector outcomes are worth retrying: throttling, transient gateway errors and connections that never
/// reached the Connector; never client errors, and never a connection that dropped after the request went out (the
/// Connector may have posted the activity, and a retry would post it twice).
/// </summary>
internal static class ConnectorRetryPolicy
{
    public static bool ShouldRetry(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException http } => NeverSent(http),
        { Result: { } response } => IsRetryableStatus(response.StatusCode),
        _ => false,
    };

    public static bool IsRetryableStatus(HttpStatusCode status) => status is HttpStatusCode.TooManyRequests
        or HttpStatusCode.PreconditionFailed
        or HttpStatusCode.BadGateway
        or HttpStatusCode.ServiceUnavailable
        or HttpStatusCode.GatewayTimeout;

    /// <summary>True when the request cannot have reached the Connector (no connection, no name, no TLS).</summary>
    public static bool NeverSent(HttpRequestException exception) => exception.HttpRequestError is HttpRequestError.ConnectionError
        or HttpRequestError.NameResolutionError
        or HttpRequestError.SecureConnectionError
        or HttpRequestError.ProxyTunnelError;

    /// <summary>The wait a 429/503 asked for, from Retry-After (seconds or a date).</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        return header?.Date is { } date ? (date > now ? date - now : TimeSpan.Zero) : null;
    }
}

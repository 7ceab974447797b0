using System.Net;
using Polly;

namespace CertBot.Protocol.Connector;

/// <summary>Which Connector outcomes are worth retrying: throttling and transient gateway errors, never client errors.</summary>
internal static class ConnectorRetryPolicy
{
    public static bool ShouldRetry(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException } => true,
        { Result: { } response } => response.StatusCode is HttpStatusCode.TooManyRequests
            or HttpStatusCode.PreconditionFailed
            or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable
            or HttpStatusCode.GatewayTimeout,
        _ => false,
    };
}

using System.Net;

namespace CertBot.Protocol.Connector;

/// <summary>A Connector call failed; <see cref="StatusCode"/> tells why (403 blocked, 404 gone, 413 too big, …).</summary>
public sealed class ConnectorException : Exception
{
    public ConnectorException() { }
    public ConnectorException(string message) : base(message) { }
    public ConnectorException(string message, Exception inner) : base(message, inner) { }

    public ConnectorException(HttpStatusCode statusCode, string message, TimeSpan? retryAfter = null) : base(message)
    {
        StatusCode = statusCode;
        RetryAfter = retryAfter;
        Kind = ConnectorRetryPolicy.IsRetryableStatus(statusCode) ? ConnectorFailureKind.Transient : ConnectorFailureKind.Rejected;
    }

    public ConnectorException(ConnectorFailureKind kind, string message, Exception? inner = null) : base(message, inner) => Kind = kind;

    public HttpStatusCode? StatusCode { get; }

    /// <summary>How long the Connector asked to wait (429/503 with Retry-After), when it said.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>Whether sending again later can help, and whether the activity may already have been posted.</summary>
    public ConnectorFailureKind Kind { get; } = ConnectorFailureKind.Rejected;
}

/// <summary>What a failed Connector call means for the activity it carried.</summary>
public enum ConnectorFailureKind
{
    /// <summary>Refused for good (4xx, too large, untrusted service URL): sending it again gives the same answer.</summary>
    Rejected,

    /// <summary>Not posted (throttled, gateway error, unreachable, no answer in time): worth sending again later.</summary>
    Transient,

    /// <summary>The Connector received it and the connection dropped before the answer: it may be posted, so it is never sent again.</summary>
    MaybeDelivered,
}

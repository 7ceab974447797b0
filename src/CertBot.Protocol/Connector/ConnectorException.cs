using System.Net;

namespace CertBot.Protocol.Connector;

/// <summary>A Connector call failed; <see cref="StatusCode"/> tells why (403 blocked, 404 gone, 413 too big, …).</summary>
public sealed class ConnectorException : Exception
{
    public ConnectorException() { }
    public ConnectorException(string message) : base(message) { }
    public ConnectorException(string message, Exception inner) : base(message, inner) { }

    public ConnectorException(HttpStatusCode statusCode, string message) : base(message) => StatusCode = statusCode;

    public HttpStatusCode? StatusCode { get; }
}

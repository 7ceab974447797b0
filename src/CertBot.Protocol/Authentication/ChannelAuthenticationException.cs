namespace CertBot.Protocol.Authentication;

/// <summary>An inbound request failed authentication; the message is a reason safe to log (never the token).</summary>
public sealed class ChannelAuthenticationException : Exception
{
    public ChannelAuthenticationException() { }
    public ChannelAuthenticationException(string message) : base(message) { }
    public ChannelAuthenticationException(string message, Exception inner) : base(message, inner) { }
}

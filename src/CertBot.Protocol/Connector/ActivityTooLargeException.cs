namespace CertBot.Protocol.Connector;

/// <summary>An outgoing activity serializes larger than Teams accepts; it was not sent.</summary>
public sealed class ActivityTooLargeException : Exception
{
    public ActivityTooLargeException() { }
    public ActivityTooLargeException(string message) : base(message) { }
    public ActivityTooLargeException(string message, Exception inner) : base(message, inner) { }

    public ActivityTooLargeException(int actualBytes, int limitBytes)
        : base($"Outgoing activity is {actualBytes} bytes serialized; the limit is {limitBytes} bytes. Split it or shorten it.")
    {
        ActualBytes = actualBytes;
        LimitBytes = limitBytes;
    }

    public int ActualBytes { get; }
    public int LimitBytes { get; }
}

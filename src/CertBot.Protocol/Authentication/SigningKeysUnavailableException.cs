namespace CertBot.Protocol.Authentication;

/// <summary>
/// No signing keys are held and none could be fetched in time: tokens cannot be judged at all, which is this bot's
/// problem (503), not the caller's (401).
/// </summary>
public sealed class SigningKeysUnavailableException : Exception
{
    public SigningKeysUnavailableException() { }
    public SigningKeysUnavailableException(string message) : base(message) { }
    public SigningKeysUnavailableException(string message, Exception inner) : base(message, inner) { }
}

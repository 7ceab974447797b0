namespace CertBot.Protocol.State;

/// <summary>
/// The store cannot read or write now (its file is gone or replaced, the disk is full, the database is read-only):
/// the turn is answered 503 and /readyz is red until the provider finds the fault mended. Never a silent success.
/// </summary>
public sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException() { }
    public StorageUnavailableException(string message) : base(message) { }
    public StorageUnavailableException(string message, Exception inner) : base(message, inner) { }
}

namespace CertBot.Tools.Packaging;

/// <summary>The manifest folder cannot be turned into an upload-ready Teams app package.</summary>
public sealed class AppPackageException : Exception
{
    public AppPackageException()
    {
    }

    public AppPackageException(string message)
        : base(message)
    {
    }

    public AppPackageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

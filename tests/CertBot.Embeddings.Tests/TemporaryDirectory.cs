namespace CertBot.Embeddings.Tests;

/// <summary>A fresh folder under the OS temp folder, deleted on dispose, so cache tests never share files.</summary>
internal sealed class TemporaryDirectory : IDisposable
{
    public TemporaryDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "certbot-embeddings-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A session still mapping the file on some platforms; the OS temp cleaner gets it later.
        }
    }
}

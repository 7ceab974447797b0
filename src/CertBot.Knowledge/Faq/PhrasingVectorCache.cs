using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CertBot.Knowledge.Faq;

/// <summary>
/// The FAQ phrasings' vectors kept in a file between runs, so a start or a reload embeds only the phrasings it has not
/// seen (embedding all of them is seconds of CPU, and <c>/readyz</c> says degraded until it is done). A vector is served
/// only for the exact text it was computed from and only while the model fingerprint is the one it was computed with
/// (the host's fingerprint covers the model file, the tokenizer's vocabulary, its input length and its code), so an edit,
/// another model or another tokenizer can never get a stale vector. The file is replaced atomically (written beside it,
/// then renamed over it): instances sharing a folder see the last complete file, never a torn one. A file that cannot be
/// read or fails its checksum is logged once and treated as empty; it never stops the index from being built.
/// </summary>
public sealed class PhrasingVectorCache
{
    private readonly string _path;
    private readonly Func<CancellationToken, Task<string?>> _fingerprint;
    private readonly ILogger _logger;
    private int _unreadableLogged;
    private int _unwritableLogged;

    /// <param name="path">The cache file.</param>
    /// <param name="fingerprint">The identity of the model the vectors come from; null when it has none, which turns the cache off.</param>
    /// <param name="logger">Where a damaged or unwritable file is reported.</param>
    public PhrasingVectorCache(string path, Func<CancellationToken, Task<string?>> fingerprint, ILogger<PhrasingVectorCache>? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(fingerprint);
        _path = Path.GetFullPath(path);
        _fingerprint = fingerprint;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>The cache file.</summary>
    public string FilePath => _path;

    /// <summary>
    /// A generator for one index build (every locale of one knowledge generation): it answers from the file what the
    /// file holds and asks <paramref name="generator"/> for the rest, and rewrites the file with exactly the texts asked
    /// for so far whenever the file lacks one of them. Without a fingerprint it is <paramref name="generator"/> itself.
    /// </summary>
    public async Task<IEmbeddingGenerator<string, Embedding<float>>> OpenAsync(
        IEmbeddingGenerator<string, Embedding<float>> generator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(generator);
        var fingerprint = await _fingerprint(cancellationToken).ConfigureAwait(false);
        return fingerprint is null ? generator : new Session(this, generator, fingerprint, await LoadAsync(fingerprint, cancellationToken).ConfigureAwait(false));
    }

    private async Task<Dictionary<string, float[]>> LoadAsync(string fingerprint, CancellationToken cancellationToken)
    {
        if (!File.Exists(_path))
        {
            return new(StringComparer.Ordinal);
        }

        try
        {
            var bytes = await File.ReadAllBytesAsync(_path, cancellationToken).ConfigureAwait(false);
            if (PhrasingVectorFile.Read(bytes, fingerprint) is { } vectors)
            {
                PhrasingVectorCacheLog.Loaded(_logger, vectors.Count, _path);
                return vectors;
            }

            PhrasingVectorCacheLog.OtherModel(_logger, _path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            if (Interlocked.Exchange(ref _unreadableLogged, 1) == 0)
            {
                PhrasingVectorCacheLog.Unreadable(_logger, _path, ex.Message);
            }
        }

        return new(StringComparer.Ordinal);
    }

    private async Task SaveAsync(string fingerprint, IReadOnlyCollection<KeyValuePair<string, float[]>> vectors, CancellationToken cancellationToken)
    {
        var temp = $"{_path}.{Guid.NewGuid():N}.tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
            await File.WriteAllBytesAsync(temp, PhrasingVectorFile.Write(fingerprint, vectors), cancellationToken).ConfigureAwait(false);
            File.Move(temp, _path, overwrite: true);
            PhrasingVectorCacheLog.Saved(_logger, vectors.Count, _path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            if (Interlocked.Exchange(ref _unwritableLogged, 1) == 0)
            {
                PhrasingVectorCacheLog.Unwritable(_logger, _path, ex.Message);
            }
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>
    /// One index build's view of the cache, used by one build at a time (the locales one after the other). It does not
    /// own the model behind it, so disposing it leaves the model alone.
    /// </summary>
    private sealed class Session(
        PhrasingVectorCache cache, IEmbeddingGenerator<string, Embedding<float>> inner, string fingerprint, Dictionary<string, float[]> stored)
        : IEmbeddingGenerator<string, Embedding<float>>
    {
        // What the file on disk holds (as read, then as last written) and what this build has asked for, in order.
        private HashSet<string> _onDisk = new(stored.Keys, StringComparer.Ordinal);
        private readonly Dictionary<string, float[]> _asked = new(StringComparer.Ordinal);

        public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
            IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(values);
            var texts = values as IReadOnlyList<string> ?? [.. values];
            var missing = texts.Where(t => !stored.ContainsKey(t)).Distinct(StringComparer.Ordinal).ToList();
            if (missing.Count > 0)
            {
                var embedded = await inner.GenerateAsync(missing, options, cancellationToken).ConfigureAwait(false);
                if (embedded.Count != missing.Count)
                {
                    throw new InvalidOperationException($"The embedding generator returned {embedded.Count} vectors for {missing.Count} texts.");
                }

                for (var i = 0; i < missing.Count; i++)
                {
                    stored[missing[i]] = embedded[i].Vector.ToArray();
                }
            }

            var result = new GeneratedEmbeddings<Embedding<float>>(texts.Count);
            foreach (var text in texts)
            {
                var vector = stored[text];
                _asked[text] = vector;
                result.Add(new Embedding<float>(vector));
            }

            if (texts.Any(t => !_onDisk.Contains(t)) || missing.Count > 0)
            {
                await cache.SaveAsync(fingerprint, _asked, cancellationToken).ConfigureAwait(false);
                _onDisk = new HashSet<string>(_asked.Keys, StringComparer.Ordinal);
            }

            return result;
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => inner.GetService(serviceType, serviceKey);

        public void Dispose()
        {
        }
    }
}

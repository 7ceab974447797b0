using Microsoft.Extensions.AI;

namespace CertBot.Hosting;

/// <summary>
/// An embedding generator whose model loads in the background once the host lets background work start. Callers that can
/// wait (the index builds, off the request path) simply await it; request paths only use embeddings once the
/// indexes built from it exist, so no turn waits for the model. The model holds native memory: it is released only
/// when no call is in flight, since ONNX Runtime must not be disposed under a running inference.
/// </summary>
public sealed class BackgroundLoadedEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly Task<IEmbeddingGenerator<string, Embedding<float>>> _loading;
    private readonly Lock _gate = new();
    private int _inFlight;
    private bool _disposed;
    private bool _released;

    /// <summary>Starts loading once <paramref name="startAfter"/> completes (see <see cref="BackgroundWorkGate"/>).</summary>
    public BackgroundLoadedEmbeddingGenerator(Func<CancellationToken, Task<IEmbeddingGenerator<string, Embedding<float>>>> load, Task startAfter, CancellationToken stopping)
    {
        ArgumentNullException.ThrowIfNull(load);
        ArgumentNullException.ThrowIfNull(startAfter);
        _loading = Task.Run(
            async () =>
            {
                await startAfter.WaitAsync(stopping).ConfigureAwait(false);
                return await load(stopping).ConfigureAwait(false);
            },
            stopping);
    }

    /// <summary>True once the model is loaded.</summary>
    public bool IsLoaded => _loading.IsCompletedSuccessfully;

    /// <summary>The model, once it has loaded (for what only the loaded model knows, such as its fingerprint).</summary>
    public Task<IEmbeddingGenerator<string, Embedding<float>>> LoadedAsync(CancellationToken cancellationToken) => _loading.WaitAsync(cancellationToken);

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values,
        EmbeddingGenerationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _inFlight++;
        }

        try
        {
            var generator = await _loading.WaitAsync(cancellationToken).ConfigureAwait(false);
            return await generator.GenerateAsync(values, options, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            bool release;
            lock (_gate)
            {
                _inFlight--;
                release = _disposed && _inFlight == 0 && !_released;
                _released |= release;
            }

            if (release)
            {
                Release();
            }
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is null && serviceType.IsInstanceOfType(this))
        {
            return this;
        }

        return IsLoaded ? _loading.Result.GetService(serviceType, serviceKey) : null;
    }

    public void Dispose()
    {
        bool release;
        lock (_gate)
        {
            _disposed = true;
            release = _inFlight == 0 && !_released;
            _released |= release;
        }

        if (release)
        {
            Release();
        }
    }

    // A model still loading is released when it arrives.
    private void Release() =>
        _loading.ContinueWith(
            static loaded =>
            {
                if (loaded.IsCompletedSuccessfully)
                {
                    loaded.Result.Dispose();
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
}

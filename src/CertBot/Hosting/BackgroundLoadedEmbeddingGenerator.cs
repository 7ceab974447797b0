using Microsoft.Extensions.AI;

namespace CertBot.Hosting;

/// <summary>
/// An embedding generator whose model loads in the background from the moment the host builds it. Callers that can
/// wait (the index builds, off the request path) simply await it; request paths only use embeddings once the
/// indexes built from it exist, so no turn waits for the model.
/// </summary>
public sealed class BackgroundLoadedEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly Task<IEmbeddingGenerator<string, Embedding<float>>> _loading;

    public BackgroundLoadedEmbeddingGenerator(Func<CancellationToken, Task<IEmbeddingGenerator<string, Embedding<float>>>> load, CancellationToken stopping)
    {
        ArgumentNullException.ThrowIfNull(load);
        _loading = Task.Run(() => load(stopping), stopping);
    }

    /// <summary>True once the model is loaded.</summary>
    public bool IsLoaded => _loading.IsCompletedSuccessfully;

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values,
        EmbeddingGenerationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var generator = await _loading.WaitAsync(cancellationToken).ConfigureAwait(false);
        return await generator.GenerateAsync(values, options, cancellationToken).ConfigureAwait(false);
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
        if (IsLoaded)
        {
            _loading.Result.Dispose();
        }
    }
}

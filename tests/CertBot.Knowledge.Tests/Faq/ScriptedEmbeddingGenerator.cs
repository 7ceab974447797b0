using Microsoft.Extensions.AI;

namespace CertBot.Knowledge.Tests.Faq;

/// <summary>
/// A test embedding generator: texts listed in the script get their scripted vector, every other text a zero vector,
/// so each test states exactly how similar a query is to each entry. Counts calls, so tests can prove a turn that needs
/// no embedding never asks for one.
/// </summary>
internal sealed class ScriptedEmbeddingGenerator(int dimensions, IReadOnlyDictionary<string, float[]> script) : IEmbeddingGenerator<string, Embedding<float>>
{
    private int _calls;

    public int Calls => _calls;

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Interlocked.Increment(ref _calls);
        var vectors = values.Select(v => new Embedding<float>(script.TryGetValue(v, out var vector) ? vector : new float[dimensions]));
        return Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(vectors));
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }

    /// <summary>A unit vector along <paramref name="axis"/>.</summary>
    public static float[] Axis(int dimensions, int axis)
    {
        var vector = new float[dimensions];
        vector[axis] = 1;
        return vector;
    }

    /// <summary><paramref name="weight"/> along <paramref name="axis"/>, the rest of the unit length along <paramref name="other"/>.</summary>
    public static float[] Mix(int dimensions, int axis, float weight, int other)
    {
        var vector = new float[dimensions];
        vector[axis] = weight;
        vector[other] = MathF.Sqrt(1 - (weight * weight));
        return vector;
    }
}

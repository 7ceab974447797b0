using System.Numerics.Tensors;
using CertBot.Knowledge.Model;
using Microsoft.Extensions.AI;

namespace CertBot.Knowledge.Faq;

/// <summary>
/// One normalised centroid per FAQ entry over the embeddings of its phrasings (question and alternatives), for the
/// semantic fallback of the matcher. Built once per knowledge generation, off the request path; immutable afterwards.
/// </summary>
public sealed class FaqSemanticIndex
{
    private readonly FaqEntry[] _entries;
    private readonly float[][] _centroids;

    private FaqSemanticIndex(FaqEntry[] entries, float[][] centroids, int dimensions)
    {
        _entries = entries;
        _centroids = centroids;
        Dimensions = dimensions;
    }

    /// <summary>Length of every vector in the index.</summary>
    public int Dimensions { get; }

    /// <summary>The indexed entries, in knowledge order.</summary>
    public IReadOnlyList<FaqEntry> Entries => _entries;

    /// <summary>Embeds every phrasing of every entry in one batch and averages each entry's phrasings.</summary>
    public static async Task<FaqSemanticIndex> BuildAsync(
        IReadOnlyList<FaqEntry> faqs,
        IEmbeddingGenerator<string, Embedding<float>> generator,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(faqs);
        ArgumentNullException.ThrowIfNull(generator);
        var phrasings = new List<string>();
        var owners = new List<int>();
        for (var f = 0; f < faqs.Count; f++)
        {
            foreach (var text in faqs[f].Alternatives.Prepend(faqs[f].Question))
            {
                phrasings.Add(text);
                owners.Add(f);
            }
        }

        var embeddings = phrasings.Count == 0
            ? new GeneratedEmbeddings<Embedding<float>>()
            : await generator.GenerateAsync(phrasings, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (embeddings.Count != phrasings.Count)
        {
            throw new InvalidOperationException($"The embedding generator returned {embeddings.Count} vectors for {phrasings.Count} phrasings.");
        }

        var dimensions = embeddings.Count == 0 ? 0 : embeddings[0].Vector.Length;
        var centroids = new float[faqs.Count][];
        for (var f = 0; f < faqs.Count; f++)
        {
            centroids[f] = new float[dimensions];
        }

        for (var i = 0; i < embeddings.Count; i++)
        {
            var vector = embeddings[i].Vector.Span;
            if (vector.Length != dimensions)
            {
                throw new InvalidOperationException("The embedding generator returned vectors of different lengths.");
            }

            // Each phrasing counts once whatever its norm, so one long alternative cannot dominate the centroid.
            var norm = TensorPrimitives.Norm(vector);
            if (norm > 0)
            {
                TensorPrimitives.MultiplyAdd(vector, 1 / norm, centroids[owners[i]], centroids[owners[i]]);
            }
        }

        foreach (var centroid in centroids)
        {
            Normalize(centroid);
        }

        return new FaqSemanticIndex([.. faqs], centroids, dimensions);
    }

    /// <summary>The two entries nearest to a query vector by cosine similarity (second may be null).</summary>
    public FaqSemanticNeighbours Nearest(ReadOnlySpan<float> query) => Nearest(query, null);

    /// <summary>The two entries nearest to a query vector by cosine similarity shifted by <paramref name="adjust"/> (second may be null).</summary>
    public FaqSemanticNeighbours Nearest(ReadOnlySpan<float> query, Func<FaqEntry, float>? adjust)
    {
        if (query.Length != Dimensions || _entries.Length == 0)
        {
            return FaqSemanticNeighbours.None;
        }

        var norm = TensorPrimitives.Norm(query);
        if (norm <= 0)
        {
            return FaqSemanticNeighbours.None;
        }

        var (best, second) = (-1, -1);
        var (s1, s2) = (float.MinValue, float.MinValue);
        for (var f = 0; f < _centroids.Length; f++)
        {
            var similarity = (TensorPrimitives.Dot(query, _centroids[f]) / norm) + (adjust?.Invoke(_entries[f]) ?? 0);
            if (similarity > s1)
            {
                (second, s2, best, s1) = (best, s1, f, similarity);
            }
            else if (similarity > s2)
            {
                (second, s2) = (f, similarity);
            }
        }

        return new FaqSemanticNeighbours(
            _entries[best],
            s1,
            second >= 0 ? _entries[second] : null,
            second >= 0 ? s2 : 0);
    }

    /// <summary>Cosine similarity of a query vector to one entry's centroid; 0 for an entry not in the index.</summary>
    public float Similarity(ReadOnlySpan<float> query, FaqEntry entry)
    {
        var f = Array.IndexOf(_entries, entry);
        var norm = TensorPrimitives.Norm(query);
        return f < 0 || query.Length != Dimensions || norm <= 0 ? 0 : TensorPrimitives.Dot(query, _centroids[f]) / norm;
    }

    private static void Normalize(float[] vector)
    {
        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0)
        {
            TensorPrimitives.Divide(vector, norm, vector);
        }
    }
}

using System.Numerics.Tensors;

namespace CertBot.Embeddings.Inference;

/// <summary>
/// Sentence vector from token vectors the way all-MiniLM-L6-v2 was trained: average over the real tokens
/// (attention mask 1, so batch padding never counts), then scale to unit length so that cosine similarity is a
/// plain dot product.
/// </summary>
internal static class MeanPooling
{
    /// <summary>Pools one sequence of <paramref name="hidden"/> (tokens × dimensions) into <paramref name="destination"/>.</summary>
    public static void PoolAndNormalize(ReadOnlySpan<float> hidden, ReadOnlySpan<long> attentionMask, Span<float> destination)
    {
        var dimensions = destination.Length;
        if (hidden.Length != attentionMask.Length * dimensions)
        {
            throw new ArgumentException("Hidden states do not match the attention mask and dimension count.", nameof(hidden));
        }

        destination.Clear();
        var count = 0;
        for (var token = 0; token < attentionMask.Length; token++)
        {
            if (attentionMask[token] != 0)
            {
                TensorPrimitives.Add(destination, hidden.Slice(token * dimensions, dimensions), destination);
                count++;
            }
        }

        if (count == 0)
        {
            return;
        }

        // The mean's 1/count factor cancels in normalisation; it is kept so the norm is computed on sane magnitudes.
        TensorPrimitives.Divide(destination, count, destination);
        var norm = TensorPrimitives.Norm(destination);
        if (norm > 1e-12f)
        {
            TensorPrimitives.Divide(destination, norm, destination);
        }
    }
}

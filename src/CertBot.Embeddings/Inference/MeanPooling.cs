using System.Numerics;

namespace CertBot.Embeddings.Inference;

/// <summary>
/// Sentence vector from token vectors the way all-MiniLM-L6-v2 was trained: average over the real tokens
/// (attention mask 1, so batch padding never counts), then scale to unit length so that cosine similarity is a
/// plain dot product.
/// </summary>
/// <remarks>
/// Uses System.Numerics.Vector rather than TensorPrimitives: System.Numerics.Tensors reaches this project only
/// transitively, at a version the excluded Microsoft.ML raises at compile time but consumers do not get.
/// </remarks>
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
                Add(hidden.Slice(token * dimensions, dimensions), destination);
                count++;
            }
        }

        if (count == 0)
        {
            return;
        }

        // The mean's 1/count cancels in normalisation, but dividing first keeps the squares far from overflow.
        Scale(destination, 1f / count);
        var norm = MathF.Sqrt(SumOfSquares(destination));
        if (norm > 1e-12f)
        {
            Scale(destination, 1f / norm);
        }
    }

    private static void Add(ReadOnlySpan<float> source, Span<float> destination)
    {
        var i = 0;
        for (; i <= destination.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            (new Vector<float>(destination[i..]) + new Vector<float>(source[i..])).CopyTo(destination[i..]);
        }

        for (; i < destination.Length; i++)
        {
            destination[i] += source[i];
        }
    }

    private static void Scale(Span<float> values, float factor)
    {
        var i = 0;
        for (; i <= values.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            (new Vector<float>(values[i..]) * factor).CopyTo(values[i..]);
        }

        for (; i < values.Length; i++)
        {
            values[i] *= factor;
        }
    }

    private static float SumOfSquares(ReadOnlySpan<float> values)
    {
        var sum = 0f;
        foreach (var value in values)
        {
            sum += value * value;
        }

        return sum;
    }
}

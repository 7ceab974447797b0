using System.Numerics.Tensors;

namespace CertBot.Conversation;

/// <summary>Embedded self-descriptions labelled with the role they describe.</summary>
public sealed class RolePrototypes(string[] roles, float[][] vectors)
{
    /// <summary>The role of the most similar prototype, its cosine similarity, and the best similarity of any other role.</summary>
    public (string? Role, float Similarity, float RunnerUp) Nearest(ReadOnlySpan<float> query)
    {
        var norm = TensorPrimitives.Norm(query);
        if (norm <= 0 || roles.Length == 0)
        {
            return (null, 0, 0);
        }

        var best = new Dictionary<string, float>(StringComparer.Ordinal);
        for (var i = 0; i < roles.Length; i++)
        {
            if (vectors[i].Length != query.Length)
            {
                continue;
            }

            // A vector without a direction (all zeros) is similar to nothing; its cosine would be NaN and rank above nothing.
            var similarity = TensorPrimitives.CosineSimilarity(query, vectors[i]);
            if (float.IsNaN(similarity))
            {
                continue;
            }

            if (!best.TryGetValue(roles[i], out var current) || similarity > current)
            {
                best[roles[i]] = similarity;
            }
        }

        var ranked = best.OrderByDescending(p => p.Value).ToArray();
        return ranked.Length == 0
            ? (null, 0, 0)
            : (ranked[0].Key, ranked[0].Value, ranked.Length > 1 ? ranked[1].Value : 0);
    }
}

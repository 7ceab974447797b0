using CertBot.Knowledge.Model;

namespace CertBot.Knowledge.Faq;

/// <summary>The entries nearest to a query embedding, with their cosine similarities.</summary>
public sealed record FaqSemanticNeighbours(FaqEntry? Best, float BestSimilarity, FaqEntry? Second, float SecondSimilarity)
{
    /// <summary>No neighbours (empty index or a zero query).</summary>
    public static FaqSemanticNeighbours None { get; } = new(null, 0, null, 0);

    /// <summary>How far the best entry is ahead of the second.</summary>
    public float Margin => Best is null ? 0 : BestSimilarity - SecondSimilarity;
}

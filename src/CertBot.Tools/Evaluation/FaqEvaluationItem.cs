namespace CertBot.Tools.Evaluation;

/// <summary>One labelled utterance: the FAQ id it should answer, or null when the bot must abstain.</summary>
/// <param name="Tags">Categories for the report (long, near-miss, typo...); empty when the set has none.</param>
public sealed record FaqEvaluationItem(string Utterance, string? ExpectedFaqId, IReadOnlyList<string> Tags)
{
    /// <summary>An item without tags.</summary>
    public FaqEvaluationItem(string utterance, string? expectedFaqId)
        : this(utterance, expectedFaqId, [])
    {
    }
}

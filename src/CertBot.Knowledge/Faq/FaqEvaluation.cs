namespace CertBot.Knowledge.Faq;

/// <summary>Runs a labelled set through a matcher (the host exposes this as the faq-eval command).</summary>
public static class FaqEvaluation
{
    /// <summary>Matches every item and scores the outcome.</summary>
    public static FaqEvaluationReport Run(FaqEvaluationSet set, FaqMatcher matcher)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(matcher);
        return new FaqEvaluationReport(set.Items.Select(item => new FaqEvaluationResult(item, matcher.Match(item.Utterance))).ToArray());
    }
}

using CertBot.Knowledge.Faq;

namespace CertBot.Tools.Evaluation;

/// <summary>Runs a labelled set through a matcher (the faq-eval command, and the tests' regression floors).</summary>
public static class FaqEvaluation
{
    /// <summary>Matches every item with the lexical matcher alone and scores the outcome.</summary>
    public static FaqEvaluationReport Run(FaqEvaluationSet set, FaqMatcher matcher)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(matcher);
        return new FaqEvaluationReport(set.Items.Select(item => new FaqEvaluationResult(item, matcher.Match(item.Utterance))).ToArray());
    }

    /// <summary>Matches every item with any matching pipeline (lexical, semantic, near-miss detection) and scores the outcome.</summary>
    public static async Task<FaqEvaluationReport> RunAsync(
        FaqEvaluationSet set,
        Func<string, CancellationToken, ValueTask<FaqMatch>> match,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(match);
        var results = new List<FaqEvaluationResult>(set.Items.Count);
        foreach (var item in set.Items)
        {
            results.Add(new FaqEvaluationResult(item, await match(item.Utterance, cancellationToken).ConfigureAwait(false)));
        }

        return new FaqEvaluationReport(results);
    }
}

using System.Globalization;
using System.Text;

namespace CertBot.Tools.Evaluation;

/// <summary>Scores of the FAQ matcher on a labelled set: overall figures, per-entry accuracy, confusions and abstentions.</summary>
public sealed class FaqEvaluationReport
{
    internal const string NoneId = "none";

    /// <summary>Computes the figures from per-item results.</summary>
    public FaqEvaluationReport(IReadOnlyList<FaqEvaluationResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        Results = results;
        var answerable = results.Where(r => r.Item.ExpectedFaqId is not null).ToArray();
        var outOfScope = results.Where(r => r.Item.ExpectedFaqId is null).ToArray();
        AnswerableCount = answerable.Length;
        OutOfScopeCount = outOfScope.Length;
        Top1Accuracy = Ratio(answerable.Count(r => r.IsCorrectAnswer), answerable.Length);
        NearestAccuracy = Ratio(answerable.Count(r => r.Match.NearestFaqId == r.Item.ExpectedFaqId), answerable.Length);
        OutOfScopeAbstentionRate = Ratio(outOfScope.Count(r => r.Abstained), outOfScope.Length);
        WrongAnswerRate = Ratio(results.Count(r => r.IsWrongAnswer), results.Count);
        PerFaq = results
            .GroupBy(r => r.Item.ExpectedFaqId ?? NoneId, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new FaqAccuracy(
                g.Key,
                g.Count(),
                g.Key == NoneId ? g.Count(r => r.Abstained) : g.Count(r => r.IsCorrectAnswer),
                g.Count(r => r.Abstained),
                g.Count(r => r.IsWrongAnswer)))
            .ToArray();
        PerTag = results
            .SelectMany(r => r.Item.Tags.Select(tag => (Tag: tag, Result: r)))
            .GroupBy(p => p.Tag, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => TagFigures(g.Key, [.. g.Select(p => p.Result)]))
            .ToArray();
        Confusions = results.Where(r => r.IsWrongAnswer).ToArray();
        Abstentions = answerable.Where(r => r.Abstained).ToArray();
    }

    /// <summary>Every item with its match.</summary>
    public IReadOnlyList<FaqEvaluationResult> Results { get; }

    /// <summary>Items labelled with an FAQ id.</summary>
    public int AnswerableCount { get; }

    /// <summary>Items labelled none.</summary>
    public int OutOfScopeCount { get; }

    /// <summary>Share of answerable items answered with the expected entry.</summary>
    public double Top1Accuracy { get; }

    /// <summary>Share of answerable items whose best candidate is the expected entry, answered or not.</summary>
    public double NearestAccuracy { get; }

    /// <summary>Share of out-of-scope items where the matcher abstained (did-you-mean or out of scope).</summary>
    public double OutOfScopeAbstentionRate { get; }

    /// <summary>Share of all items answered with a wrong entry.</summary>
    public double WrongAnswerRate { get; }

    /// <summary>Counts per expected FAQ id.</summary>
    public IReadOnlyList<FaqAccuracy> PerFaq { get; }

    /// <summary>Figures per item tag (long, near-miss, typo...).</summary>
    public IReadOnlyList<FaqTagFigures> PerTag { get; }

    /// <summary>Wrong answers: expected (or none) versus what was answered.</summary>
    public IReadOnlyList<FaqEvaluationResult> Confusions { get; }

    /// <summary>Answerable items the matcher did not answer.</summary>
    public IReadOnlyList<FaqEvaluationResult> Abstentions { get; }

    /// <summary>A plain-text report for the console; <paramref name="summaryOnly"/> leaves out the per-item lines (for held-out sets).</summary>
    public string Format(bool summaryOnly = false)
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(c, $"FAQ evaluation: {Results.Count} utterances ({AnswerableCount} answerable, {OutOfScopeCount} out of scope)");
        text.AppendLine(c, $"  top-1 answered correctly : {Top1Accuracy:P1}");
        text.AppendLine(c, $"  nearest candidate correct: {NearestAccuracy:P1}");
        text.AppendLine(c, $"  out of scope abstained   : {OutOfScopeAbstentionRate:P1}");
        text.AppendLine(c, $"  wrong answers (all items): {WrongAnswerRate:P1}");
        if (PerTag.Count > 0)
        {
            text.AppendLine("Per tag (answerable correct, out-of-scope abstained, wrong):");
            foreach (var t in PerTag)
            {
                text.AppendLine(c, $"  {t.Tag,-14} {t.Count,4} items  answered right {Show(t.Top1Accuracy, t.AnswerableCount)}  abstained {Show(t.AbstentionRate, t.OutOfScopeCount)}  wrong {t.WrongAnswerRate:P1}");
            }
        }

        if (summaryOnly)
        {
            return text.ToString();
        }

        text.AppendLine("Per FAQ (correct/total, abstained, wrong):");
        foreach (var f in PerFaq)
        {
            text.AppendLine(c, $"  {f.FaqId,-30} {f.Correct,3}/{f.Total,-3} abstained {f.Abstained,2}  wrong {f.Wrong,2}");
        }

        text.AppendLine(c, $"Confusions ({Confusions.Count}):");
        foreach (var r in Confusions)
        {
            text.AppendLine(c, $"  {r.Item.ExpectedFaqId ?? NoneId} -> {r.AnsweredFaqId} ({r.Match.Confidence:F2}, {r.Match.Path}): \"{r.Item.Utterance}\"");
        }

        text.AppendLine(c, $"Abstentions on answerable ({Abstentions.Count}):");
        foreach (var r in Abstentions)
        {
            text.AppendLine(c, $"  {r.Item.ExpectedFaqId} -> {r.Match.Kind} nearest {r.Match.NearestFaqId ?? NoneId} ({r.Match.Confidence:F2}, {r.Match.Path}): \"{r.Item.Utterance}\"");
        }

        return text.ToString();
    }

    /// <summary>
    /// Every item as one tab-separated line (outcome, expected, answered or nearest id, confidence, path, tags,
    /// utterance) under a header line, so a curator can sort and filter the decisions by path and confidence.
    /// </summary>
    public string FormatItems()
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine("outcome\texpected\tgot\tconfidence\tpath\ttags\tutterance");
        foreach (var r in Results)
        {
            var outcome = r.IsCorrectAnswer ? "right"
                : r.IsWrongAnswer ? "wrong"
                : r.Item.ExpectedFaqId is null ? "declined"
                : "abstained";
            var got = r.AnsweredFaqId ?? r.Match.NearestFaqId ?? NoneId;
            var utterance = r.Item.Utterance.Replace('\t', ' ').Replace('\n', ' ');
            text.AppendLine(c, $"{outcome}\t{r.Item.ExpectedFaqId ?? NoneId}\t{got}\t{r.Match.Confidence:F2}\t{r.Match.Path}\t{string.Join(',', r.Item.Tags)}\t{utterance}");
        }

        return text.ToString();
    }

    private static FaqTagFigures TagFigures(string tag, FaqEvaluationResult[] results)
    {
        var answerable = results.Where(r => r.Item.ExpectedFaqId is not null).ToArray();
        var outOfScope = results.Where(r => r.Item.ExpectedFaqId is null).ToArray();
        return new FaqTagFigures(
            tag,
            results.Length,
            answerable.Length,
            outOfScope.Length,
            Ratio(answerable.Count(r => r.IsCorrectAnswer), answerable.Length),
            Ratio(outOfScope.Count(r => r.Abstained), outOfScope.Length),
            Ratio(results.Count(r => r.IsWrongAnswer), results.Length));
    }

    private static string Show(double ratio, int count) =>
        count == 0 ? "     -" : ratio.ToString("P1", CultureInfo.InvariantCulture).PadLeft(6);

    private static double Ratio(int count, int total) => total == 0 ? 0 : (double)count / total;
}

using System.Globalization;
using System.Text;

namespace CertBot.Knowledge.Faq;

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

    /// <summary>Wrong answers: expected (or none) versus what was answered.</summary>
    public IReadOnlyList<FaqEvaluationResult> Confusions { get; }

    /// <summary>Answerable items the matcher did not answer.</summary>
    public IReadOnlyList<FaqEvaluationResult> Abstentions { get; }

    /// <summary>A plain-text report for the console.</summary>
    public string Format()
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(c, $"FAQ evaluation: {Results.Count} utterances ({AnswerableCount} answerable, {OutOfScopeCount} out of scope)");
        text.AppendLine(c, $"  top-1 answered correctly : {Top1Accuracy:P1}");
        text.AppendLine(c, $"  nearest candidate correct: {NearestAccuracy:P1}");
        text.AppendLine(c, $"  out of scope abstained   : {OutOfScopeAbstentionRate:P1}");
        text.AppendLine(c, $"  wrong answers (all items): {WrongAnswerRate:P1}");
        text.AppendLine("Per FAQ (correct/total, abstained, wrong):");
        foreach (var f in PerFaq)
        {
            text.AppendLine(c, $"  {f.FaqId,-30} {f.Correct,3}/{f.Total,-3} abstained {f.Abstained,2}  wrong {f.Wrong,2}");
        }

        text.AppendLine(c, $"Confusions ({Confusions.Count}):");
        foreach (var r in Confusions)
        {
            text.AppendLine(c, $"  {r.Item.ExpectedFaqId ?? NoneId} -> {r.AnsweredFaqId} ({r.Match.Confidence:F2}): \"{r.Item.Utterance}\"");
        }

        text.AppendLine(c, $"Abstentions on answerable ({Abstentions.Count}):");
        foreach (var r in Abstentions)
        {
            text.AppendLine(c, $"  {r.Item.ExpectedFaqId} -> {r.Match.Kind} nearest {r.Match.NearestFaqId ?? NoneId} ({r.Match.Confidence:F2}): \"{r.Item.Utterance}\"");
        }

        return text.ToString();
    }

    private static double Ratio(int count, int total) => total == 0 ? 0 : (double)count / total;
}

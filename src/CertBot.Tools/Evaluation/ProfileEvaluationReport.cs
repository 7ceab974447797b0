using System.Globalization;
using System.Text;

namespace CertBot.Tools.Evaluation;

/// <summary>Scores of profile understanding on a labelled set: full profiles all right, partial ones right, per slot and per tag.</summary>
public sealed class ProfileEvaluationReport(IReadOnlyList<ProfileEvaluationResult> results)
{
    public IReadOnlyList<ProfileEvaluationResult> Results { get; } = results;

    /// <summary>Share of full profiles whose three facts were all read right (what a recommendation at once needs).</summary>
    public double FullAllRight => Ratio(Results.Where(r => r.IsFull).ToArray(), r => r.IsCorrect);

    /// <summary>Share of partial profiles whose stated facts were read right and whose unstated ones stayed unknown.</summary>
    public double PartialRight => Ratio(Results.Where(r => !r.IsFull).ToArray(), r => r.IsCorrect);

    public string Format(bool summaryOnly)
    {
        var c = CultureInfo.InvariantCulture;
        var full = Results.Where(r => r.IsFull).ToArray();
        var partial = Results.Where(r => !r.IsFull).ToArray();
        var text = new StringBuilder();
        text.AppendLine(c, $"Profile evaluation: {Results.Count} messages ({full.Length} full, {partial.Length} partial)");
        text.AppendLine(c, $"  full profiles, all three facts right : {FullAllRight:P1}");
        text.AppendLine(c, $"  partial profiles right               : {PartialRight:P1}");
        foreach (var slot in ProfileEvaluationResult.RequiredSlots.Append("cloudYears"))
        {
            var stated = Results.Where(r => r.Item.Expected.ContainsKey(slot)).ToArray();
            var invented = Results.Count(r => !r.Item.Expected.ContainsKey(slot) && r.Read.ContainsKey(slot) && slot != "cloudYears");
            text.AppendLine(c, $"  {slot,-10} right when stated {Ratio(stated, r => r.IsRight(slot)),7:P1} of {stated.Length,3}; read though unstated: {invented}");
        }

        text.AppendLine("Per tag (correct):");
        foreach (var group in Results.SelectMany(r => r.Item.Tags.Select(t => (Tag: t, Result: r))).GroupBy(p => p.Tag, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var tagged = group.Select(p => p.Result).ToArray();
            text.AppendLine(c, $"  {group.Key,-16} {Ratio(tagged, r => r.IsCorrect),7:P1} of {tagged.Length}");
        }

        if (!summaryOnly)
        {
            text.AppendLine("Misses:");
            foreach (var miss in Results.Where(r => !r.IsCorrect))
            {
                var expected = string.Join(", ", miss.Item.Expected.Select(p => $"{p.Key}={p.Value}"));
                var read = string.Join(", ", miss.Read.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
                text.AppendLine(c, $"  expected [{expected}] read [{read}]: \"{miss.Item.Text}\"");
            }
        }

        return text.ToString();
    }

    private static double Ratio(ProfileEvaluationResult[] results, Func<ProfileEvaluationResult, bool> predicate) =>
        results.Length == 0 ? 0 : (double)results.Count(predicate) / results.Length;
}

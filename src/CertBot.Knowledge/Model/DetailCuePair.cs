using CertBot.Text;

namespace CertBot.Knowledge.Model;

/// <summary>
/// Two word lists of a <see cref="DetailTopic"/>: a question asks for the detail when a phrase of each stands at most
/// <see cref="MaxGap"/> words apart ("the Databricks ML professional exam"), so the same words far apart in a message
/// of context ("we use Databricks … what does the Google exam cover?") do not count.
/// </summary>
/// <param name="Any">The first list ("databricks", "snowflake"…).</param>
/// <param name="With">The second list ("exam", "certification"…).</param>
public sealed record DetailCuePair(IReadOnlyList<string> Any, IReadOnlyList<string> With)
{
    /// <summary>The most words between the two phrases.</summary>
    public const int MaxGap = 3;

    /// <summary>True when a phrase of each list occurs in <paramref name="words"/> with at most <see cref="MaxGap"/> words between them.</summary>
    public bool IsIn(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var first = Occurrences(words, Any);
        if (first.Count == 0)
        {
            return false;
        }

        var second = Occurrences(words, With);
        return first.Any(a => second.Any(w => Gap(a, w) <= MaxGap));
    }

    private static int Gap((int Start, int End) a, (int Start, int End) b) =>
        a.End <= b.Start ? b.Start - a.End : b.End <= a.Start ? a.Start - b.End : 0;

    private static List<(int Start, int End)> Occurrences(IReadOnlyList<string> words, IReadOnlyList<string> phrases)
    {
        var found = new List<(int, int)>();
        foreach (var phrase in phrases)
        {
            var parts = WordTokenizer.Words(phrase);
            for (var i = 0; parts.Length > 0 && i + parts.Length <= words.Count; i++)
            {
                var all = true;
                for (var k = 0; k < parts.Length && all; k++)
                {
                    all = string.Equals(words[i + k], parts[k], StringComparison.Ordinal);
                }

                if (all)
                {
                    found.Add((i, i + parts.Length));
                }
            }
        }

        return found;
    }
}

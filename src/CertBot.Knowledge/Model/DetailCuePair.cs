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
    /// <summary>The most words between the two phrases unless the pair says otherwise.</summary>
    public const int DefaultMaxGap = 3;

    /// <summary>The most words between the two phrases ("what percentage do I need to pass": 4).</summary>
    public int MaxGap { get; init; } = DefaultMaxGap;

    /// <summary>True when a phrase of each list occurs in <paramref name="words"/> with at most <see cref="MaxGap"/> words between them.</summary>
    public bool IsIn(IReadOnlyList<string> words) => IsIn(words, []);

    /// <summary>As <see cref="IsIn(IReadOnlyList{string})"/>, a typed word also matching with one of <paramref name="endings"/> added ("employers" for "employer").</summary>
    public bool IsIn(IReadOnlyList<string> words, IReadOnlyList<string> endings)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(endings);
        var first = Occurrences(words, Any, endings);
        if (first.Count == 0)
        {
            return false;
        }

        var second = Occurrences(words, With, endings);
        return first.Any(a => second.Any(w => Gap(a, w) <= MaxGap));
    }

    /// <summary>
    /// Shortest pair word that may be typed with one typo ("reslts", "regester"): shorter ones with one edit are too
    /// often another word ("fail" and "mail").
    /// </summary>
    private const int MinTypoWord = 7;

    // The first letter must agree: a typo rarely hits it, and another word often differs just there ("learning" is
    // one edit from "earning").
    private static bool IsTypoOf(string known, string typed) =>
        known.Length >= MinTypoWord && typed.Length >= TypoPolicy.OneTypoFrom && typed[0] == known[0] && known.All(char.IsLetter)
        && BoundedEditDistance.IsWithin(known, typed, 1);

    private static int Gap((int Start, int End) a, (int Start, int End) b) =>
        a.End <= b.Start ? b.Start - a.End : b.End <= a.Start ? a.Start - b.End : 0;

    private static List<(int Start, int End)> Occurrences(IReadOnlyList<string> words, IReadOnlyList<string> phrases, IReadOnlyList<string> endings)
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
                    all = WordEnding.Matches(parts[k], words[i + k], endings) || IsTypoOf(parts[k], words[i + k]);
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

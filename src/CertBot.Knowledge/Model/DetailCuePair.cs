using CertBot.Text;

namespace CertBot.Knowledge.Model;

/// <summary>
/// Two word lists of a <see cref="DetailTopic"/>: a question asks for the detail when a phrase of each stands at most
/// <see cref="MaxGap"/> words apart ("the Databricks ML professional exam"), so the same words far apart in a message
/// of context ("we use Databricks … what does the Google exam cover?") do not count.
/// </summary>
public sealed record DetailCuePair
{
    /// <summary>The most words between the two phrases unless the pair says otherwise.</summary>
    public const int DefaultMaxGap = 3;

    // Each phrase's words, cut once when the list is set (the constructor, a `with`) rather than on every question:
    // the FAQ path asks every pair of every detail about each message.
    private readonly string[][] _anyWords = [];
    private readonly string[][] _withWords = [];

    /// <param name="any">The first list ("databricks", "snowflake"…).</param>
    /// <param name="with">The second list ("exam", "certification"…).</param>
    public DetailCuePair(IReadOnlyList<string> any, IReadOnlyList<string> with)
    {
        Any = any;
        With = with;
    }

    /// <summary>The first list ("databricks", "snowflake"…).</summary>
    public IReadOnlyList<string> Any
    {
        get;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            field = value;
            _anyWords = WordsOf(value);
        }
    }

    /// <summary>The second list ("exam", "certification"…).</summary>
    public IReadOnlyList<string> With
    {
        get;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            field = value;
            _withWords = WordsOf(value);
        }
    }

    /// <summary>The most words between the two phrases ("what percentage do I need to pass": 4).</summary>
    public int MaxGap { get; init; } = DefaultMaxGap;

    /// <summary>True when a phrase of each list occurs in <paramref name="words"/> with at most <see cref="MaxGap"/> words between them.</summary>
    public bool IsIn(IReadOnlyList<string> words) => IsIn(words, []);

    /// <summary>As <see cref="IsIn(IReadOnlyList{string})"/>, a typed word also matching with one of <paramref name="endings"/> added ("employers" for "employer").</summary>
    public bool IsIn(IReadOnlyList<string> words, IReadOnlyList<string> endings) => IsIn(words, endings, WordEdges.Of(words));

    /// <summary>As <see cref="IsIn(IReadOnlyList{string}, IReadOnlyList{string})"/>, with the text's first and last letters when the caller checks several pairs against one text.</summary>
    public bool IsIn(IReadOnlyList<string> words, IReadOnlyList<string> endings, WordEdges edges)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(endings);
        // Every word of a pair keeps its first letter, with an ending or a typo alike, so a list none of whose phrases
        // can start at any word of the text rules the pair out without walking the text: most pairs stop here.
        if (!MayStart(_anyWords, edges) || !MayStart(_withWords, edges))
        {
            return false;
        }

        for (var i = 0; i < words.Count; i++)
        {
            foreach (var first in _anyWords)
            {
                if (StartsAt(words, i, first, endings) && HasSecondNear(words, i, i + first.Length, endings))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>A phrase of <see cref="With"/> at most <see cref="MaxGap"/> words from the first phrase at [start, end).</summary>
    private bool HasSecondNear(IReadOnlyList<string> words, int start, int end, IReadOnlyList<string> endings)
    {
        for (var j = 0; j < words.Count; j++)
        {
            foreach (var second in _withWords)
            {
                if (StartsAt(words, j, second, endings) && Gap(start, end, j, j + second.Length) <= MaxGap)
                {
                    return true;
                }
            }
        }

        return false;
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

    private static int Gap(int aStart, int aEnd, int bStart, int bEnd) =>
        aEnd <= bStart ? bStart - aEnd : bEnd <= aStart ? aStart - bEnd : 0;

    private static bool StartsAt(IReadOnlyList<string> words, int at, string[] phrase, IReadOnlyList<string> endings)
    {
        if (phrase.Length == 0 || at + phrase.Length > words.Count)
        {
            return false;
        }

        for (var k = 0; k < phrase.Length; k++)
        {
            // A pair's typo must keep the first letter (IsTypoOf), so a first letter that differs rules the word out at once.
            if (!WordReach.MayMatch(phrase[k], words[at + k], typoAllowed: false)
                || (!WordEnding.Matches(phrase[k], words[at + k], endings) && !IsTypoOf(phrase[k], words[at + k])))
            {
                return false;
            }
        }

        return true;
    }

    private static bool MayStart(string[][] phrases, WordEdges edges)
    {
        foreach (var phrase in phrases)
        {
            if (phrase.Length > 0 && edges.MayHold(phrase[0], typoAllowed: false))
            {
                return true;
            }
        }

        return false;
    }

    private static string[][] WordsOf(IReadOnlyList<string> phrases) => [.. phrases.Select(WordTokenizer.Words)];
}

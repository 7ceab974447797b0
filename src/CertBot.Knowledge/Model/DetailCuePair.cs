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
    public bool IsIn(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        for (var i = 0; i < words.Count; i++)
        {
            foreach (var first in _anyWords)
            {
                if (StartsAt(words, i, first) && HasSecondNear(words, i, i + first.Length))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>A phrase of <see cref="With"/> at most <see cref="MaxGap"/> words from the first phrase at [start, end).</summary>
    private bool HasSecondNear(IReadOnlyList<string> words, int start, int end)
    {
        for (var j = 0; j < words.Count; j++)
        {
            foreach (var second in _withWords)
            {
                if (StartsAt(words, j, second) && Gap(start, end, j, j + second.Length) <= MaxGap)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static int Gap(int aStart, int aEnd, int bStart, int bEnd) =>
        aEnd <= bStart ? bStart - aEnd : bEnd <= aStart ? aStart - bEnd : 0;

    private static bool StartsAt(IReadOnlyList<string> words, int at, string[] phrase)
    {
        if (phrase.Length == 0 || at + phrase.Length > words.Count)
        {
            return false;
        }

        for (var k = 0; k < phrase.Length; k++)
        {
            if (!string.Equals(words[at + k], phrase[k], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static string[][] WordsOf(IReadOnlyList<string> phrases) => [.. phrases.Select(WordTokenizer.Words)];
}

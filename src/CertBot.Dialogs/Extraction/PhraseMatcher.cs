namespace CertBot.Dialogs.Extraction;

/// <summary>A phrase matched against an utterance word by word; words of 5+ letters tolerate one typo.</summary>
internal sealed class PhraseMatcher
{
    private const int MinLengthForTypos = 5;

    private readonly string[] _words;

    public PhraseMatcher(string phrase)
    {
        Phrase = phrase;
        _words = [.. Utterance.Parse(phrase).Tokens];
    }

    public string Phrase { get; }

    public int Length => _words.Length;

    /// <summary>The phrase's first word, or null for an empty phrase.</summary>
    public string? FirstWord => _words.Length == 0 ? null : _words[0];

    /// <summary>Whether a word is long enough (and not a number) to be matched with one typo.</summary>
    internal static bool MayHaveTypo(string word) => word.Length >= MinLengthForTypos && !char.IsDigit(word[0]);

    /// <summary>Start indices of every whole-word occurrence.</summary>
    public IEnumerable<int> FindAll(IReadOnlyList<string> tokens)
    {
        if (_words.Length == 0)
        {
            yield break;
        }

        for (var start = 0; start + _words.Length <= tokens.Count; start++)
        {
            if (MatchesAt(tokens, start))
            {
                yield return start;
            }
        }
    }

    public bool MatchesAt(IReadOnlyList<string> tokens, int start)
    {
        if (_words.Length == 0 || start < 0 || start + _words.Length > tokens.Count)
        {
            return false;
        }

        for (var i = 0; i < _words.Length; i++)
        {
            if (!WordsMatch(_words[i], tokens[start + i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when the utterance is exactly this phrase.</summary>
    public bool MatchesWhole(IReadOnlyList<string> tokens) => tokens.Count == _words.Length && MatchesAt(tokens, 0);

    internal static bool WordsMatch(string expected, string actual)
    {
        if (string.Equals(expected, actual, StringComparison.Ordinal))
        {
            return true;
        }

        return expected.Length >= MinLengthForTypos
            && actual.Length >= MinLengthForTypos
            && !char.IsDigit(expected[0])
            && !char.IsDigit(actual[0])
            && DamerauLevenshteinAtMostOne(expected, actual);
    }

    /// <summary>Optimal-string-alignment distance &lt;= 1: one insertion, deletion, substitution or adjacent swap.</summary>
    internal static bool DamerauLevenshteinAtMostOne(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }

        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
        {
            i++;
        }

        if (i == a.Length && i == b.Length)
        {
            return true;
        }

        if (a.Length == b.Length)
        {
            // Substitution, or a swap of two neighbours.
            if (a.AsSpan(i + 1).SequenceEqual(b.AsSpan(i + 1)))
            {
                return true;
            }

            return i + 1 < a.Length
                && a[i] == b[i + 1]
                && a[i + 1] == b[i]
                && a.AsSpan(i + 2).SequenceEqual(b.AsSpan(i + 2));
        }

        // One insertion/deletion.
        return a.Length > b.Length
            ? a.AsSpan(i + 1).SequenceEqual(b.AsSpan(i))
            : a.AsSpan(i).SequenceEqual(b.AsSpan(i + 1));
    }
}

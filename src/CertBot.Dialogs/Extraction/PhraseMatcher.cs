using CertBot.Text;

namespace CertBot.Dialogs.Extraction;

/// <summary>A phrase matched against an utterance word by word, with the shared typo policy (<see cref="TypoPolicy"/>).</summary>
internal sealed class PhraseMatcher
{
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

    /// <summary>How many typos a word may carry under the shared policy (0 for short words and numbers).</summary>
    internal static int TyposAllowed(string word) => TypoPolicy.MaxEdits(word);

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

    /// <summary>The shared typo policy: exact, or within the edits both words' lengths allow.</summary>
    internal static bool WordsMatch(string expected, string actual) => TypoPolicy.Matches(expected, actual);
}

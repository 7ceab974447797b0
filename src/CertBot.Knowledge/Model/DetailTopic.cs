using CertBot.Text;

namespace CertBot.Knowledge.Model;

/// <summary>
/// A detail people ask about (passing score, retakes, renewal…) that the knowledge may not hold for every entry,
/// so the bot can say it does not have it and link the official page instead of answering with the nearest entry.
/// </summary>
/// <param name="Id">Stable id referred to by <c>notCovered</c> lists, e.g. <c>passing-score</c>.</param>
/// <param name="Label">How the detail is named to users, e.g. "the passing score".</param>
/// <param name="Phrases">Words or phrases that show a question asks for this detail; matched on whole words, ignoring case.</param>
public sealed record DetailTopic(string Id, string Label, IReadOnlyList<string> Phrases)
{
    /// <summary>
    /// A topic no entry holds (salaries, other vendors' certifications, degrees): a question about it is declined
    /// whatever entry it resembles, instead of being answered with the nearest one.
    /// </summary>
    public bool HeldNowhere { get; init; }

    /// <summary>
    /// Pairs of word lists that ask for the detail only together and close by ("databricks … exam"), so a family of
    /// questions needs two short lists instead of every combination spelled out as a phrase.
    /// </summary>
    public IReadOnlyList<DetailCuePair> Together { get; init; } = [];

    /// <summary>True when <paramref name="text"/> contains one of the phrases as whole words, or a pair's words close together, ignoring case.</summary>
    public bool IsMentionedIn(string text) => IsMentionedIn(text, null);

    /// <summary>As <see cref="IsMentionedIn(string)"/>, with the text's words when the caller checks several topics against one text.</summary>
    public bool IsMentionedIn(string text, IReadOnlyList<string>? words)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Loops rather than LINQ: every FAQ question is asked about every topic, and each lambda here would be a
        // closure allocated per topic per question.
        for (var i = 0; i < Phrases.Count; i++)
        {
            if (ContainsWholeWords(text, Phrases[i]))
            {
                return true;
            }
        }

        if (Together.Count == 0 && _typoTolerant.Length == 0)
        {
            return false;
        }

        words ??= WordTokenizer.Words(text);
        for (var i = 0; i < Together.Count; i++)
        {
            if (Together[i].IsIn(words))
            {
                return true;
            }
        }

        foreach (var phrase in _typoTolerant)
        {
            if (ContainsWithTypo(words, phrase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The phrases that may be typed with a typo ("pasing score", "reimbursment"): those of several words, and single
    /// words of eight letters or more. A shorter single word with one edit is too often another word ("booking" and
    /// "looking"), so those must be exact.
    /// </summary>
    private readonly string[][] _typoTolerant = [.. Phrases
        .Select(WordTokenizer.Words)
        .Where(w => w.All(p => p.All(char.IsLetter)) && (w.Length > 1 || (w.Length == 1 && w[0].Length >= MinSingleTypoWord)))];

    private const int MinSingleTypoWord = 8;

    /// <summary>A run of words matching the phrase, each of five letters or more allowed one typo, shorter ones exact.</summary>
    private static bool ContainsWithTypo(IReadOnlyList<string> words, string[] phrase)
    {
        for (var i = 0; i + phrase.Length <= words.Count; i++)
        {
            var all = true;
            for (var k = 0; k < phrase.Length && all; k++)
            {
                var known = phrase[k];
                var typed = words[i + k];
                all = string.Equals(known, typed, StringComparison.Ordinal)
                    || (known.Length >= TypoPolicy.OneTypoFrom && typed.Length >= TypoPolicy.OneTypoFrom && BoundedEditDistance.IsWithin(known, typed, 1));
            }

            if (all)
            {
                return true;
            }
        }

        return false;
    }

    private static bool ContainsWholeWords(string text, string phrase)
    {
        if (phrase.Length == 0)
        {
            return false;
        }

        // A substring hit only counts when it is not glued to a letter or digit, so "renew" does not fire inside "renewable".
        for (var at = text.IndexOf(phrase, StringComparison.OrdinalIgnoreCase); at >= 0;
             at = text.IndexOf(phrase, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var end = at + phrase.Length;
            var startsWord = at == 0 || !char.IsLetterOrDigit(text[at - 1]);
            var endsWord = end == text.Length || !char.IsLetterOrDigit(text[end]);
            if (startsWord && endsWord)
            {
                return true;
            }
        }

        return false;
    }
}

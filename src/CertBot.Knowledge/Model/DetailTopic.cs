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
    /// The topic an exam code the knowledge does not know asks about ("how long is AZ-400?": another certification
    /// than ours), whatever the rest of the question asks. At most one detail has it, and it must be held nowhere.
    /// </summary>
    public bool AskedByUnknownExamCodes { get; init; }

    /// <summary>
    /// Pairs of word lists that ask for the detail only together and close by ("databricks … exam"), so a family of
    /// questions needs two short lists instead of every combination spelled out as a phrase.
    /// </summary>
    public IReadOnlyList<DetailCuePair> Together { get; init; } = [];

    /// <summary>
    /// Endings a typed word may add to a phrase's word and still match it ("promo codes" for "promo code", "employers"
    /// for "employer"): the language's own, from its matcher section, so the phrase lists need no plurals.
    /// </summary>
    public IReadOnlyList<string> WordEndings { get; init; } = [];

    /// <summary>True when <paramref name="text"/> contains one of the phrases as whole words, or a pair's words close together, ignoring case.</summary>
    public bool IsMentionedIn(string text) => IsMentionedIn(text, null);

    /// <summary>As <see cref="IsMentionedIn(string)"/>, with the text's words when the caller has them.</summary>
    public bool IsMentionedIn(string text, IReadOnlyList<string>? words)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IsWrittenIn(text))
        {
            return true;
        }

        if (Together.Count == 0 && _wordPhrases.Length == 0)
        {
            return false;
        }

        words ??= WordTokenizer.Words(text);
        return IsSaidIn(words, WordEdges.Of(words));
    }

    private bool IsWrittenIn(string text)
    {
        // Loops rather than LINQ: every FAQ question is asked about every topic, and each lambda here would be a
        // closure allocated per topic per question.
        foreach (var phrase in _textPhrases)
        {
            if (ContainsWholeWords(text, phrase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// As <see cref="IsMentionedIn(string)"/> without the word phrases
    /// (<see cref="WordPhrases"/>), which a <see cref="DetailPhraseIndex"/> finds for all topics at once.
    /// </summary>
    internal bool IsMentionedApartFromWordPhrases(string text, IReadOnlyList<string> words, WordEdges edges) =>
        IsWrittenIn(text) || IsPairedIn(words, edges);

    /// <summary>The phrases matched word by word (see <see cref="_wordPhrases"/>).</summary>
    internal IReadOnlyList<(string[] Words, bool TypoTolerant)> WordPhrases => _wordPhrases;

    /// <summary>A pair's words close together, or a word phrase; one whose first word no word of the text can be is passed over without walking the text.</summary>
    private bool IsSaidIn(IReadOnlyList<string> words, WordEdges edges)
    {
        if (IsPairedIn(words, edges))
        {
            return true;
        }

        foreach (var phrase in _wordPhrases)
        {
            if (edges.MayHold(phrase.Words[0], phrase.TypoTolerant) && ContainsRun(words, phrase))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsPairedIn(IReadOnlyList<string> words, WordEdges edges)
    {
        for (var i = 0; i < Together.Count; i++)
        {
            if (Together[i].IsIn(words, WordEndings, edges))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The phrases with other characters than letters and spaces ("master's", "l&amp;d budget", "security+"), matched in the
    /// text as written. A phrase of letters and spaces is matched by its words alone (below), which finds every whole-word
    /// occurrence the text search would, so checking it both ways was work done twice per topic per question.
    /// </summary>
    private readonly string[] _textPhrases = [.. Phrases.Where(p => !p.All(c => char.IsLetter(c) || c == ' '))];

    /// <summary>
    /// The phrases made of letters only, matched word by word so a word may carry one of <see cref="WordEndings"/>, and
    /// be typed with one typo when the phrase is typo-tolerant ("pasing score", "reimbursment"): phrases of several
    /// words, and single words of eight letters or more. A shorter single word with one edit is too often another word
    /// ("booking" and "looking"), so those must be exact.
    /// </summary>
    private readonly (string[] Words, bool TypoTolerant)[] _wordPhrases = [.. Phrases
        .Where(IsSpelledInWords)
        .Select(WordTokenizer.Words)
        .Where(w => w.Length > 0 && w.All(p => p.All(char.IsLetter)))
        .Select(w => (w, w.Length > 1 || w[0].Length >= MinSingleTypoWord))];

    private const int MinSingleTypoWord = 8;

    /// <summary>
    /// Whether the phrase's words carry all of it, so matching it word by word loses nothing: letters, spaces, hyphens
    /// and apostrophes. The tokenizer drops other characters, so "security+" would have become "security" (and
    /// declined "does the exam cover security?" as another certification) and "% to pass" every "to pass".
    /// </summary>
    private static bool IsSpelledInWords(string phrase) => phrase.All(c => char.IsLetter(c) || c is ' ' or '-' or '\'' or '\u2019');

    /// <summary>A run of words matching the phrase: each word exactly or with an ending; in a typo-tolerant phrase, words of five letters or more also with one typo.</summary>
    private bool ContainsRun(IReadOnlyList<string> words, (string[] Words, bool TypoTolerant) phrase)
    {
        for (var i = 0; i + phrase.Words.Length <= words.Count; i++)
        {
            if (StartsAt(words, i, phrase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The run of words from <paramref name="at"/> matches the phrase (see <see cref="ContainsRun"/>).</summary>
    internal bool StartsAt(IReadOnlyList<string> words, int at, (string[] Words, bool TypoTolerant) phrase)
    {
        if (at + phrase.Words.Length > words.Count)
        {
            return false;
        }

        for (var k = 0; k < phrase.Words.Length; k++)
        {
            var known = phrase.Words[k];
            var typed = words[at + k];
            // Most word pairs differ at once in their first letter; only then are the full comparisons worth it.
            var matches = WordReach.MayMatch(known, typed, phrase.TypoTolerant)
                && (WordEnding.Matches(known, typed, WordEndings)
                || (phrase.TypoTolerant && known.Length >= TypoPolicy.OneTypoFrom && typed.Length >= TypoPolicy.OneTypoFrom
                    && BoundedEditDistance.IsWithin(known, typed, 1)));
            if (!matches)
            {
                return false;
            }
        }

        return true;
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

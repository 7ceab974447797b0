using CertBot.Text;

namespace CertBot.Knowledge.Faq;

/// <summary>
/// The question part of a long chat message. People often write several sentences of context before the question;
/// matching the whole message lets the context outweigh what is asked (and the lexical matcher reads only the first
/// 64 words), so the sentences that ask are matched on their own as well.
/// </summary>
public static class FaqQuestionFocus
{
    private const int MinFocusWords = 3;

    /// <summary>The asking sentences of a message of two or more sentences, or null when there is nothing narrower to match.</summary>
    public static string? Extract(string text) => Extract(text, []);

    /// <summary>
    /// The asking sentences of a message of two or more sentences, or null when there is nothing narrower to match.
    /// When the first asking sentence refers back (<paramref name="referringWords"/>: "what is it exactly?"), the
    /// sentence before it comes along, since it names what the question is about.
    /// </summary>
    public static string? Extract(string text, IReadOnlyCollection<string> referringWords)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(referringWords);
        var sentences = Split(text);
        if (sentences.Count < 2)
        {
            return null;
        }

        // Sentences that end in a question mark ask; without one, people put the question last.
        var asking = sentences.Select((s, i) => (Sentence: s, Index: i)).Where(p => p.Sentence.EndsWith('?')).TakeLast(2).ToList();
        if (asking.Count == 0)
        {
            asking = [(sentences[^1], sentences.Count - 1)];
        }

        var first = asking[0];
        if (first.Index > 0 && Refers(first.Sentence, referringWords))
        {
            asking.Insert(0, (sentences[first.Index - 1], first.Index - 1));
        }

        var focus = string.Join(' ', asking.Select(p => p.Sentence));
        return CountWords(focus) < MinFocusWords ? null : focus;
    }

    private static bool Refers(string sentence, IReadOnlyCollection<string> referringWords) =>
        referringWords.Count > 0
        && WordTokenizer.Words(sentence).Any(referringWords.Contains);

    private static List<string> Split(string text)
    {
        var sentences = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var ends = c is '?' or '!' or '\n'
                || (c == '.' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])));
            if (!ends)
            {
                continue;
            }

            Add(sentences, text[start..(i + 1)]);
            start = i + 1;
        }

        Add(sentences, text[start..]);
        return sentences;
    }

    private static void Add(List<string> sentences, string candidate)
    {
        var trimmed = candidate.Trim();
        // "??" and stray punctuation are not sentences; a lone "?" belongs to the sentence before it.
        if (trimmed.Any(char.IsLetterOrDigit))
        {
            sentences.Add(trimmed);
        }
        else if (trimmed.Contains('?', StringComparison.Ordinal) && sentences.Count > 0 && !sentences[^1].EndsWith('?'))
        {
            sentences[^1] += "?";
        }
    }

    private static int CountWords(string text) =>
        text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Length;
}

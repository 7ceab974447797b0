using System.Globalization;
using System.Text;
using CertBot.Text;

namespace CertBot.Dialogs.Extraction;

/// <summary>Free text reduced to the shared tokenizer's words (<see cref="WordTokenizer"/>), with clause punctuation and questions remembered.</summary>
internal sealed class Utterance
{
    /// <summary>Stands in for masked words (credential names): matches no phrase and no number.</summary>
    public const string MaskToken = "_";

    private Utterance(IReadOnlyList<string> tokens, IReadOnlyList<bool> breaks, IReadOnlyList<bool> inQuestion)
    {
        Tokens = tokens;
        BreakBefore = breaks;
        InQuestion = inQuestion;
        var starts = new int[tokens.Count];
        var text = new StringBuilder();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (i > 0)
            {
                // The recognizers need the clause breaks too: "6 months in, gcp" is no "months in gcp".
                text.Append(breaks[i] ? ", " : " ");
            }

            starts[i] = text.Length;
            text.Append(tokens[i]);
        }

        TokenStarts = starts;
        Text = text.ToString();
    }

    public IReadOnlyList<string> Tokens { get; }

    /// <summary>True where clause punctuation (, ; . ! ? parentheses, a dash) came before the token.</summary>
    public IReadOnlyList<bool> BreakBefore { get; }

    /// <summary>True for the words of a sentence that ends with "?".</summary>
    public IReadOnlyList<bool> InQuestion { get; }

    /// <summary>Character offset of each token in <see cref="Text"/>.</summary>
    public IReadOnlyList<int> TokenStarts { get; }

    /// <summary>The tokens joined by spaces, with a comma at clause breaks; what the recognizers see.</summary>
    public string Text { get; }

    public static Utterance Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new Utterance([], [], []);
        }

        // The words are the shared tokenizer's, so a YAML phrase and the same words typed in chat always agree; what
        // this adds is the punctuation between them: clause breaks and which sentence asks.
        var words = WordTokenizer.Scan(text);
        var tokens = new List<string>(words.Count);
        var breaks = new List<bool>(words.Count);
        var inQuestion = new List<bool>(words.Count);
        var sentenceStart = 0;
        var gapStart = 0;
        for (var w = 0; w <= words.Count; w++)
        {
            var gapEnd = w < words.Count ? words[w].Start : text.Length;
            var pendingBreak = false;
            for (var i = gapStart; i < gapEnd; i++)
            {
                pendingBreak |= IsClausePunctuation(text, i);
                if (text[i] is '?' or '.' or '!' or '\n')
                {
                    for (var t = sentenceStart; t < tokens.Count; t++)
                    {
                        inQuestion[t] = text[i] == '?';
                    }

                    sentenceStart = tokens.Count;
                }
            }

            if (w == words.Count)
            {
                break;
            }

            tokens.Add(words[w].Text);
            breaks.Add(pendingBreak && tokens.Count > 1);
            inQuestion.Add(false);
            gapStart = words[w].End;
        }

        return new Utterance(tokens, breaks, inQuestion);
    }

    /// <summary>The same words with the marked ones replaced by <see cref="MaskToken"/>; clause breaks kept.</summary>
    public Utterance Mask(IReadOnlyList<bool> masked)
    {
        var tokens = new string[Tokens.Count];
        for (var i = 0; i < tokens.Length; i++)
        {
            tokens[i] = masked[i] ? MaskToken : Tokens[i];
        }

        return new Utterance(tokens, BreakBefore, InQuestion);
    }

    /// <summary>Index of the token covering a character offset of <see cref="Text"/>.</summary>
    public int TokenAt(int offset)
    {
        for (var i = TokenStarts.Count - 1; i >= 0; i--)
        {
            if (TokenStarts[i] <= offset)
            {
                return i;
            }
        }

        return 0;
    }

    public override string ToString() => Text;

    internal static string Normalize(string phrase) => Parse(phrase).Text;

    internal static string Format(double value) =>
        Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    private static bool IsClausePunctuation(string text, int i)
    {
        var c = text[i];
        if (c is ',' or ';' or '.' or '!' or '?' or '(' or ')' or '[' or ']' or '\n' or '\u2014' or '\u2013' or '|')
        {
            return true;
        }

        // " - " separates clauses; "full-stack" and "2-3" do not.
        return c == '-' && i > 0 && i + 1 < text.Length && char.IsWhiteSpace(text[i - 1]) && char.IsWhiteSpace(text[i + 1]);
    }
}

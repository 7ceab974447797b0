using System.Globalization;
using System.Text;

namespace CertBot.Dialogs.Extraction;

/// <summary>Free text reduced to lower-case word tokens: punctuation and apostrophes dropped, digits split from letters, clause punctuation remembered.</summary>
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

        var lower = text.ToLowerInvariant();
        var tokens = new List<string>();
        var breaks = new List<bool>();
        var inQuestion = new List<bool>();
        var current = new StringBuilder();
        var pendingBreak = false;
        var sentenceStart = 0;

        void EndToken()
        {
            if (current.Length > 0)
            {
                tokens.Add(current.ToString());
                breaks.Add(pendingBreak);
                inQuestion.Add(false);
                pendingBreak = false;
                current.Clear();
            }
        }

        for (var i = 0; i < lower.Length; i++)
        {
            var c = lower[i];
            if (c is '\'' or '\u2019' or '\u2018')
            {
                continue; // "don't" and "dont" must be the same word.
            }

            if (char.IsLetterOrDigit(c))
            {
                var previous = current.Length > 0 ? current[^1] : ' ';
                if ((char.IsDigit(c) && char.IsLetter(previous)) || (char.IsLetter(c) && char.IsDigit(previous)))
                {
                    EndToken(); // "4yrs" -> "4 yrs"
                }

                current.Append(c);
                continue;
            }

            if (c == '.' && current.Length > 0 && char.IsDigit(current[^1]) && i + 1 < lower.Length && char.IsDigit(lower[i + 1]))
            {
                current.Append('.'); // "1.5"
                continue;
            }

            EndToken();
            if (IsClausePunctuation(lower, i))
            {
                pendingBreak = true;
            }

            if (c is '?' or '.' or '!' or '\n')
            {
                for (var t = sentenceStart; t < tokens.Count; t++)
                {
                    inQuestion[t] = c == '?';
                }

                sentenceStart = tokens.Count;
            }
        }

        EndToken();
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

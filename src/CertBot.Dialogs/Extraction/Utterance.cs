using System.Globalization;
using System.Text;

namespace CertBot.Dialogs.Extraction;

/// <summary>Free text reduced to lower-case word tokens: punctuation and apostrophes dropped, digits split from letters.</summary>
internal sealed class Utterance
{
    private Utterance(IReadOnlyList<string> tokens)
    {
        Tokens = tokens;
        var starts = new int[tokens.Count];
        var offset = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            starts[i] = offset;
            offset += tokens[i].Length + 1;
        }

        TokenStarts = starts;
        Text = string.Join(' ', tokens);
    }

    public IReadOnlyList<string> Tokens { get; }

    /// <summary>Character offset of each token in <see cref="Text"/>.</summary>
    public IReadOnlyList<int> TokenStarts { get; }

    /// <summary>The tokens joined by single spaces; what the number recognizer sees.</summary>
    public string Text { get; }

    public static Utterance Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new Utterance([]);
        }

        var lower = text.ToLowerInvariant();
        var builder = new StringBuilder(lower.Length + 8);
        for (var i = 0; i < lower.Length; i++)
        {
            var c = lower[i];
            if (c is '\'' or '\u2019' or '\u2018')
            {
                continue; // "don't" and "dont" must be the same word.
            }

            if (char.IsLetterOrDigit(c))
            {
                var previous = builder.Length > 0 ? builder[^1] : ' ';
                if ((char.IsDigit(c) && char.IsLetter(previous)) || (char.IsLetter(c) && char.IsDigit(previous)))
                {
                    builder.Append(' '); // "4yrs" -> "4 yrs"
                }

                builder.Append(c);
            }
            else if (c is '.' or ',' && builder.Length > 0 && char.IsDigit(builder[^1])
                     && i + 1 < lower.Length && char.IsDigit(lower[i + 1]))
            {
                builder.Append(c == '.' ? '.' : ' ');
            }
            else
            {
                builder.Append(' ');
            }
        }

        var tokens = builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return new Utterance(tokens);
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
}

using System.Buffers;

namespace CertBot.Text;

/// <summary>
/// The one way CertBot cuts text into words, shared by the dialog, the FAQ matcher and the host, so a phrase in a YAML
/// catalogue and the same phrase typed in chat always give the same words. The rules:
/// <list type="bullet">
/// <item>lower case, common Latin accents folded ("Résumé" is "resume");</item>
/// <item>apostrophes join ("don't" is "dont", "I'm" is "im"), but a final "'s" is dropped ("Amazon's" is "amazon",
/// "what's" is "what");</item>
/// <item>a decimal point between digits stays ("1.5");</item>
/// <item>a number followed by letters is two words ("4yrs" is "4 yrs"), letters followed by digits one ("MLS-C01" is
/// "mls c01", "AI-102" is "ai 102", "s3" is "s3"): a quantity and its unit versus the parts of a code;</item>
/// <item>everything else separates.</item>
/// </list>
/// </summary>
public static class WordTokenizer
{
    /// <summary>The longest normalised text joined on the stack rather than in a pooled buffer.</summary>
    private const int MaxStackJoin = 256;

    /// <summary>
    /// Writes the words of <paramref name="text"/> into <paramref name="buffer"/> and their ranges in it into
    /// <paramref name="words"/>; returns the word count. Allocation-free, for the per-message path; stops when either
    /// span is full.
    /// </summary>
    public static int Tokenize(ReadOnlySpan<char> text, Span<char> buffer, Span<Range> words) => CutInto(text, buffer, words, []);

    /// <summary>The words of <paramref name="text"/>.</summary>
    public static string[] Words(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        using var cut = new CutText(text, withPositions: false);
        var words = new string[cut.Count];
        for (var i = 0; i < words.Length; i++)
        {
            words[i] = new string(cut.Word(i));
        }

        return words;
    }

    /// <summary>The words of <paramref name="text"/> joined by single spaces ("What's MLS-C01?" is "whats mls c01").</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        using var cut = new CutText(text, withPositions: false);
        if (cut.Count == 0)
        {
            return "";
        }

        // One string for the joined words, not one per word and then the join.
        var length = cut.Count - 1;
        for (var i = 0; i < cut.Count; i++)
        {
            length += cut.Word(i).Length;
        }

        var rented = length > MaxStackJoin ? ArrayPool<char>.Shared.Rent(length) : null;
        var target = rented is null ? stackalloc char[MaxStackJoin] : rented;
        var at = 0;
        for (var i = 0; i < cut.Count; i++)
        {
            if (i > 0)
            {
                target[at++] = ' ';
            }

            var word = cut.Word(i);
            word.CopyTo(target[at..]);
            at += word.Length;
        }

        var joined = new string(target[..length]);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return joined;
    }

    /// <summary>The words of <paramref name="text"/> with where each starts and ends (exclusive) in it, for readers that also look at the punctuation between them.</summary>
    public static List<WordSpan> Scan(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var cut = new CutText(text, withPositions: true);
        var words = new List<WordSpan>(cut.Count);
        for (var i = 0; i < cut.Count; i++)
        {
            var (start, end) = cut.Position(i);
            words.Add(new WordSpan(new string(cut.Word(i)), start, end));
        }

        return words;
    }

    /// <summary>Lower case with common Latin accents removed; '\0' for anything that is not a letter or digit.</summary>
    public static char Fold(char c)
    {
        if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
        {
            return c;
        }

        if (c is >= 'A' and <= 'Z')
        {
            return (char)(c + 32);
        }

        if (c < 128)
        {
            return '\0';
        }

        return char.ToLowerInvariant(c) switch
        {
            'à' or 'á' or 'â' or 'ã' or 'ä' or 'å' => 'a',
            'è' or 'é' or 'ê' or 'ë' => 'e',
            'ì' or 'í' or 'î' or 'ï' => 'i',
            'ò' or 'ó' or 'ô' or 'õ' or 'ö' => 'o',
            'ù' or 'ú' or 'û' or 'ü' => 'u',
            'ç' => 'c',
            'ñ' => 'n',
            'ý' or 'ÿ' => 'y',
            var other when char.IsLetterOrDigit(other) => other,
            _ => '\0',
        };
    }

    private static CharKind Classify(ReadOnlySpan<char> text, int i, char previous, out char folded)
    {
        var c = text[i];
        folded = '\0';
        if (c is '\'' or '\u2019' or '\u2018')
        {
            // "Amazon's exam": the possessive ends the word; "don't", "I'm": the apostrophe joins.
            return previous != '\0' && i + 1 < text.Length && text[i + 1] is 's' or 'S' && (i + 2 == text.Length || !char.IsLetterOrDigit(text[i + 2]))
                ? CharKind.Possessive
                : CharKind.Joiner;
        }

        if (c == '.' && char.IsAsciiDigit(previous) && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))
        {
            folded = '.';
            return CharKind.Continues;
        }

        folded = Fold(c);
        if (folded == '\0')
        {
            return CharKind.Separator;
        }

        // "4yrs": the unit after a number is a word of its own; "c01" stays one word.
        return char.IsDigit(previous) && char.IsLetter(folded) ? CharKind.StartsWord : CharKind.Continues;
    }

    /// <summary>
    /// The one cutting loop behind every entry point: folded words into <paramref name="buffer"/>, their ranges there into
    /// <paramref name="words"/>, and, when <paramref name="positions"/> is not empty, where each stood in
    /// <paramref name="text"/> (start inclusive, end exclusive). Stops when a span is full.
    /// </summary>
    internal static int CutInto(ReadOnlySpan<char> text, Span<char> buffer, Span<Range> words, Span<Range> positions)
    {
        var record = !positions.IsEmpty;
        var count = 0;
        var length = 0;
        var start = -1;
        var textStart = -1;
        var textEnd = -1;
        for (var i = 0; i < text.Length && length < buffer.Length; i++)
        {
            var kind = Classify(text, i, start >= 0 ? buffer[length - 1] : '\0', out var folded);
            if (kind == CharKind.Joiner)
            {
                continue;
            }

            if (kind == CharKind.Possessive)
            {
                i++;
                kind = CharKind.Separator;
            }

            if (kind is CharKind.Separator or CharKind.StartsWord && start >= 0)
            {
                if (count == words.Length || (record && count == positions.Length))
                {
                    return count;
                }

                if (record)
                {
                    positions[count] = new Range(textStart, textEnd);
                }

                words[count++] = new Range(start, length);
                start = -1;
            }

            if (kind == CharKind.Separator)
            {
                continue;
            }

            if (start < 0)
            {
                start = length;
                textStart = i;
            }

            buffer[length++] = folded;
            textEnd = i + 1;
        }

        if (start >= 0 && count < words.Length && (!record || count < positions.Length))
        {
            if (record)
            {
                positions[count] = new Range(textStart, textEnd);
            }

            words[count++] = new Range(start, length);
        }

        return count;
    }

    private enum CharKind
    {
        Continues,
        StartsWord,
        Separator,
        Joiner,

        /// <summary>The apostrophe of a final "'s": ends the word and skips the "s".</summary>
        Possessive,
    }
}

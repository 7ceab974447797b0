namespace CertBot.Knowledge.Faq;

/// <summary>Splits text into lower-case, accent-free letter/digit runs written into a caller buffer.</summary>
internal static class TextTokenizer
{
    /// <summary>Writes normalized tokens of <paramref name="text"/> into <paramref name="buffer"/> and their ranges into <paramref name="tokens"/>; returns the token count.</summary>
    public static int Tokenize(ReadOnlySpan<char> text, Span<char> buffer, Span<Range> tokens)
    {
        var count = 0;
        var length = 0;
        var start = -1;
        for (var i = 0; i < text.Length && length < buffer.Length; i++)
        {
            var c = Fold(text[i]);
            if (c == '\0')
            {
                if (start >= 0)
                {
                    if (count == tokens.Length)
                    {
                        return count;
                    }

                    tokens[count++] = new Range(start, length);
                    start = -1;
                }

                continue;
            }

            if (start < 0)
            {
                start = length;
            }

            buffer[length++] = c;
        }

        if (start >= 0 && count < tokens.Length)
        {
            tokens[count++] = new Range(start, length);
        }

        return count;
    }

    /// <summary>Tokens of <paramref name="text"/> as strings, for building the index (not on the query path).</summary>
    public static List<string> TokenizeToStrings(string text)
    {
        var buffer = new char[text.Length];
        var ranges = new Range[text.Length + 1];
        var count = Tokenize(text, buffer, ranges);
        var list = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            list.Add(new string(buffer.AsSpan(ranges[i])));
        }

        return list;
    }

    /// <summary>Lower case, common Latin accents removed; '\0' marks a separator.</summary>
    private static char Fold(char c)
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
}

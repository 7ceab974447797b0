using System.Buffers;
using System.Globalization;

namespace CertBot.Embeddings.Text;

/// <summary>
/// Strips accents the way BERT's uncased tokenizer does (NFD, then drop non-spacing marks), without ICU:
/// in invariant-globalization mode string.Normalize leaves "résumé" as it is and the vocabulary has no such word.
/// </summary>
internal static class AccentFolding
{
    private static readonly Dictionary<char, char> Table = BuildTable();

    /// <summary>The text with precomposed letters replaced by their base letter and combining marks removed.</summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        var firstChange = FirstFoldable(text);
        if (firstChange < 0)
        {
            return text;
        }

        // Folding never lengthens text, so a buffer of the original length always suffices.
        char[]? rented = null;
        var buffer = text.Length <= 256 ? stackalloc char[text.Length] : (rented = ArrayPool<char>.Shared.Rent(text.Length));
        try
        {
            text.AsSpan(0, firstChange).CopyTo(buffer);
            var written = firstChange;
            for (var i = firstChange; i < text.Length; i++)
            {
                var c = text[i];
                if (char.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                {
                    buffer[written++] = Table.TryGetValue(c, out var folded) ? folded : c;
                }
            }

            return new string(buffer[..written]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    private static int FirstFoldable(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c >= '\u0080' && (Table.ContainsKey(c) || char.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark))
            {
                return i;
            }
        }

        return -1;
    }

    private static Dictionary<char, char> BuildTable()
    {
        var table = new Dictionary<char, char>(AccentFoldingTable.Composed.Length);
        for (var i = 0; i < AccentFoldingTable.Composed.Length; i++)
        {
            table.Add(AccentFoldingTable.Composed[i], AccentFoldingTable.Folded[i]);
        }

        return table;
    }
}

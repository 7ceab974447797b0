namespace CertBot.Text;

/// <summary>
/// The letters a text's words start and end with, as two bit sets: with them a phrase whose first word no word of the
/// text can be (<see cref="WordReach"/>) is passed over with one test, instead of one comparison per word of the text.
/// The detail topics hold some six hundred phrases and are asked about every FAQ question, so that loop was most of
/// their cost. Letters a to z have a bit each; every other character shares one, which only ever lets more through.
/// </summary>
public readonly record struct WordEdges(ulong Firsts, ulong Lasts)
{
    public static WordEdges Of(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        ulong firsts = 0, lasts = 0;
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            // "i" and "a" are in most questions; they can only be phrase words of one letter, which always pass.
            if (word.Length < 2)
            {
                continue;
            }

            firsts |= Bit(word[0]);
            lasts |= Bit(word[^1]);
        }

        return new WordEdges(firsts, lasts);
    }

    /// <summary>False only when <see cref="WordReach.MayMatch"/> is false for <paramref name="known"/> and every word of the text.</summary>
    public bool MayHold(string known, bool typoAllowed)
    {
        ArgumentNullException.ThrowIfNull(known);
        return known.Length < 2 || (Firsts & Bit(known[0])) != 0 || (typoAllowed && (Lasts & Bit(known[^1])) != 0);
    }

    private static ulong Bit(char c) => c is >= 'a' and <= 'z' ? 1UL << (c - 'a') : 1UL << 63;
}

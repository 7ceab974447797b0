namespace CertBot.Text;

/// <summary>Restricted Damerau-Levenshtein distance (an adjacent swap counts as one edit), bounded for speed.</summary>
public static class BoundedEditDistance
{
    private const int MaxLength = 62;

    /// <summary>The distance between <paramref name="a"/> and <paramref name="b"/>, or <paramref name="max"/>+1 once it exceeds <paramref name="max"/>.</summary>
    public static int Compute(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max || a.Length > MaxLength || b.Length > MaxLength)
        {
            return max + 1;
        }

        Span<int> previous2 = stackalloc int[b.Length + 1];
        Span<int> previous = stackalloc int[b.Length + 1];
        Span<int> current = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            if (rowMin > max)
            {
                return max + 1;
            }

            var recycled = previous2;
            previous2 = previous;
            previous = current;
            current = recycled;
        }

        return previous[b.Length];
    }

    /// <summary>True when the two words are at most <paramref name="max"/> edits apart.</summary>
    public static bool IsWithin(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int max) =>
        max == 1 ? IsWithinOne(a, b) : Compute(a, b, max) <= max;

    /// <summary>
    /// <see cref="Compute"/> at most 1, without the table: the detail phrases ask it for most word pairs of every FAQ
    /// question. One edit leaves the words equal up to their first difference, and from there the rest is equal after
    /// skipping one letter of the longer word, or one letter of each (a substitution), or two swapped letters.
    /// </summary>
    private static bool IsWithinOne(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        // The same refusals as Compute: lengths two or more apart, and words longer than its table.
        if (Math.Abs(a.Length - b.Length) > 1 || a.Length > MaxLength || b.Length > MaxLength)
        {
            return false;
        }

        var shorter = a.Length <= b.Length ? a : b;
        var longer = a.Length <= b.Length ? b : a;
        var at = shorter.CommonPrefixLength(longer);
        if (at == shorter.Length)
        {
            return true; // equal, or the longer word has one more letter at the end
        }

        if (shorter.Length != longer.Length)
        {
            return shorter[at..].SequenceEqual(longer[(at + 1)..]);
        }

        return shorter[(at + 1)..].SequenceEqual(longer[(at + 1)..])
            || (at + 1 < shorter.Length && shorter[at] == longer[at + 1] && shorter[at + 1] == longer[at]
                && shorter[(at + 2)..].SequenceEqual(longer[(at + 2)..]));
    }
}

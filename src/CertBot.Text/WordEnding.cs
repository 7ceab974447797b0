namespace CertBot.Text;

/// <summary>
/// Whether a typed word is a curated word, as typed or with one of the language's endings added ("codes" for "code").
/// Endings only lengthen words of three letters or more: "fee" and "feel" share nothing but letters.
/// </summary>
public static class WordEnding
{
    private const int MinStem = 3;

    /// <summary>True when <paramref name="typed"/> is <paramref name="known"/>, or it followed by one of <paramref name="endings"/>.</summary>
    public static bool Matches(string known, string typed, IReadOnlyList<string> endings)
    {
        ArgumentNullException.ThrowIfNull(known);
        ArgumentNullException.ThrowIfNull(typed);
        ArgumentNullException.ThrowIfNull(endings);
        if (string.Equals(known, typed, StringComparison.Ordinal))
        {
            return true;
        }

        if (known.Length < MinStem || typed.Length <= known.Length || !typed.StartsWith(known, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = typed.AsSpan(known.Length);
        foreach (var ending in endings)
        {
            if (rest.Equals(ending, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}

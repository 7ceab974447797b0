namespace CertBot.Text;

/// <summary>
/// How many typos a typed word may carry and still count as a known word, the same for the dialog's vocabulary and the
/// FAQ matcher: short words must be exact ("aws" is not "was"), longer ones may have one edit, long ones two; numbers
/// and exam codes are never corrected ("c01" is not "c02").
/// </summary>
public static class TypoPolicy
{
    /// <summary>Shortest word that may carry one typo.</summary>
    public const int OneTypoFrom = 5;

    /// <summary>Shortest word that may carry two typos.</summary>
    public const int TwoTyposFrom = 9;

    /// <summary>How many edits a word of this spelling may be away from a known word.</summary>
    public static int MaxEdits(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty || char.IsDigit(word[0]))
        {
            return 0;
        }

        return word.Length >= TwoTyposFrom ? 2 : word.Length >= OneTypoFrom ? 1 : 0;
    }

    /// <summary>True when <paramref name="typed"/> counts as <paramref name="known"/> under this policy (exact, or within both words' allowance).</summary>
    public static bool Matches(ReadOnlySpan<char> known, ReadOnlySpan<char> typed)
    {
        if (known.SequenceEqual(typed))
        {
            return true;
        }

        var max = Math.Min(MaxEdits(known), MaxEdits(typed));
        return max > 0 && BoundedEditDistance.IsWithin(known, typed, max);
    }
}

namespace CertBot.Text;

/// <summary>
/// Whether a typed word can be a curated word at all, by its first and last letters alone: the cheap test before the
/// exact, ending and one-typo comparisons, which the detail phrases run for every word of every FAQ question against
/// each of their words. A word that matches exactly or with an ending (<see cref="WordEnding"/>) starts with the curated
/// word, so its first letter agrees. A word one edit away (<see cref="BoundedEditDistance"/>: a substitution, insertion,
/// deletion or adjacent swap) whose first letter differs had that edit at its start, so its last letter agrees (both
/// words are at least <see cref="TypoPolicy.OneTypoFrom"/> letters long wherever a typo is allowed).
/// </summary>
public static class WordReach
{
    /// <summary>False only when <paramref name="typed"/> can be neither <paramref name="known"/> (as typed or with an ending) nor, when <paramref name="typoAllowed"/>, one edit from it.</summary>
    public static bool MayMatch(string known, string typed, bool typoAllowed)
    {
        ArgumentNullException.ThrowIfNull(known);
        ArgumentNullException.ThrowIfNull(typed);
        // A typed word of one letter can only be a curated word of one letter: it is too short to carry an ending or a typo.
        return known.Length < 2 || (typed.Length >= 2 && (typed[0] == known[0] || (typoAllowed && typed[^1] == known[^1])));
    }
}

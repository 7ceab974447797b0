namespace CertBot.Text.Tests;

/// <summary>One typo policy for the dialog's vocabulary and the FAQ matcher.</summary>
public sealed class TypoPolicyTests
{
    [Theory]
    [InlineData("scientist", "scienist", true)]     // deletion
    [InlineData("azure", "azrue", true)]            // adjacent swap
    [InlineData("google", "goggle", true)]          // substitution
    [InlineData("certification", "certfcation", true)] // two edits on a long word
    [InlineData("cloud", "could", false)]           // two edits on a short word
    [InlineData("help", "hepl", false)]             // under five letters: exact only
    [InlineData("aws", "was", false)]
    [InlineData("c01", "c02", false)]               // codes are never corrected
    [InlineData("mla-c01", "mla-c01", true)]
    public void Matches_KnownAndTyped_FollowsTheLengthRule(string known, string typed, bool expected) =>
        Assert.Equal(expected, TypoPolicy.Matches(known, typed));

    [Theory]
    [InlineData("ml", 0)]
    [InlineData("exam", 0)]
    [InlineData("azure", 1)]
    [InlineData("engineer", 1)]
    [InlineData("scientist", 2)]
    [InlineData("2024", 0)]
    public void MaxEdits_WordLength_GrowsWithTheWord(string word, int expected) => Assert.Equal(expected, TypoPolicy.MaxEdits(word));
}

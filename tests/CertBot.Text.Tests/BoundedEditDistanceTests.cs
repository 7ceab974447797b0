namespace CertBot.Text.Tests;

public sealed class BoundedEditDistanceTests
{
    [Theory]
    [InlineData("exam", "exam", 0)]
    [InlineData("cretification", "certification", 1)]
    [InlineData("certfication", "certification", 1)]
    [InlineData("googel", "google", 1)]
    [InlineData("prepair", "prepare", 2)]
    [InlineData("weather", "whether", 2)]
    [InlineData("kubernetes", "exam", 3)]
    public void Compute_Pairs_ReturnsDamerauDistanceCappedAtMaxPlusOne(string a, string b, int expected) =>
        Assert.Equal(expected, BoundedEditDistance.Compute(a, b, 2));

    [Fact]
    public void IsWithinOne_EveryPairOfShortWords_SameAsTheTable()
    {
        // Every word of up to five letters from {a, b, c} against every other: substitutions, insertions, deletions,
        // swaps, repeated letters and everything further apart.
        var words = new List<string> { "" };
        for (var length = 1; length <= 5; length++)
        {
            words.AddRange(words.Where(w => w.Length == length - 1).SelectMany(w => new[] { w + "a", w + "b", w + "c" }).ToArray());
        }

        foreach (var a in words)
        {
            foreach (var b in words)
            {
                Assert.True(BoundedEditDistance.IsWithin(a, b, 1) == (BoundedEditDistance.Compute(a, b, 1) <= 1), $"{a} / {b}");
            }
        }
    }

    [Fact]
    public void IsWithinOne_WordsLongerThanTheTable_RefusedAsBefore()
    {
        var word = new string('a', 63);

        Assert.False(BoundedEditDistance.IsWithin(word, word, 1));
        Assert.False(BoundedEditDistance.Compute(word, word, 1) <= 1);
    }
}

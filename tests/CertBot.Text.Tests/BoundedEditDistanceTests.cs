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
}

namespace CertBot.Text.Tests;

public sealed class WordEndingTests
{
    [Theory]
    [InlineData("code", "code", true)]
    [InlineData("code", "codes", true)]
    [InlineData("pass", "passes", true)]
    [InlineData("code", "coder", false)]
    [InlineData("go", "gos", false)]
    [InlineData("codes", "code", false)]
    public void Matches_TypedWord_IsTheKnownWordOrItWithAnEnding(string known, string typed, bool expected) =>
        Assert.Equal(expected, WordEnding.Matches(known, typed, ["s", "es"]));
}

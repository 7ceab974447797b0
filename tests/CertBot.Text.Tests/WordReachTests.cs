namespace CertBot.Text.Tests;

public sealed class WordReachTests
{
    [Theory]
    [InlineData("score", "score", false)]
    [InlineData("score", "scores", false)]
    [InlineData("retake", "retakes", true)]
    [InlineData("passing", "pasing", true)]
    [InlineData("passing", "bassing", true)]
    [InlineData("passing", "apassing", true)]
    [InlineData("passing", "assing", true)]
    [InlineData("passing", "apssing", true)]
    [InlineData("a", "b", false)]
    [InlineData("", "exam", true)]
    public void MayMatch_WordThatCanMatch_True(string known, string typed, bool typoAllowed) =>
        Assert.True(WordReach.MayMatch(known, typed, typoAllowed));

    [Theory]
    [InlineData("score", "exam", false)]
    [InlineData("passing", "bassing", false)]
    [InlineData("passing", "cost", true)]
    [InlineData("score", "s", true)]
    [InlineData("retake", "e", true)]
    public void MayMatch_WordThatCannotMatch_False(string known, string typed, bool typoAllowed) =>
        Assert.False(WordReach.MayMatch(known, typed, typoAllowed));
}

namespace CertBot.Text.Tests;

public sealed class WordEdgesTests
{
    [Theory]
    [InlineData("score", false, true)]
    [InlineData("exam", false, true)]
    [InlineData("retake", false, false)]
    [InlineData("retake", true, true)]
    [InlineData("mark", true, false)]
    [InlineData("x", false, true)]
    public void MayHold_PhraseWordAgainstTheTextsWords(string known, bool typoAllowed, bool expected) =>
        Assert.Equal(expected, WordEdges.Of(["what", "score", "exam"]).MayHold(known, typoAllowed));

    [Theory]
    [InlineData("retake", false)]
    [InlineData("score", true)]
    [InlineData("a", true)]
    [InlineData("i", true)]
    public void Of_TextWithOneLetterWords_JudgesByTheOthers(string known, bool expected) =>
        Assert.Equal(expected, WordEdges.Of(["a", "score", "i"]).MayHold(known, typoAllowed: false));

    [Fact]
    public void Of_WordsOutsideAToZ_ShareOneBitAndLetThemThrough() =>
        Assert.True(WordEdges.Of(["été", "c01"]).MayHold("évaluation", typoAllowed: false));
}

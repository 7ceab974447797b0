using CertBot.Knowledge.Model;

namespace CertBot.Knowledge.Tests.Model;

public sealed class DetailTopicTests
{
    private static readonly DetailTopic Renewal = new("renewal", "renewal", ["renew", "valid for", "expire"]);

    [Theory]
    [InlineData("How do I renew MLA-C01?", true)]
    [InlineData("RENEW it how?", true)]
    [InlineData("How long is it valid for?", true)]
    [InlineData("Does the cert expire, and when?", true)]
    [InlineData("renew", true)]
    [InlineData("Is renewable energy on the exam?", false)]
    [InlineData("It expired last year", false)]
    [InlineData("valid format for answers", false)]
    [InlineData("What does the exam cost?", false)]
    [InlineData("", false)]
    public void IsMentionedIn_Question_MatchesWholeWordsIgnoringCase(string question, bool expected) =>
        Assert.Equal(expected, Renewal.IsMentionedIn(question));

    [Fact]
    public void IsMentionedIn_PhraseGluedToDigitOrLetterBeforeIt_DoesNotMatch() =>
        Assert.False(new DetailTopic("x", "x", ["pass mark"]).IsMentionedIn("bypass mark"));

    [Fact]
    public void IsMentionedIn_LaterOccurrenceIsAWholeWord_Matches() =>
        Assert.True(new DetailTopic("x", "x", ["renew"]).IsMentionedIn("renewable or not, can I renew?"));

    [Fact]
    public void IsMentionedIn_EmptyPhrase_NeverMatches() =>
        Assert.False(new DetailTopic("x", "x", [string.Empty]).IsMentionedIn("anything at all"));
}

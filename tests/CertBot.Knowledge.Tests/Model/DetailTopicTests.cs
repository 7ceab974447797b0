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

    [Theory]
    [InlineData("any promo codes for the exam?", true)]
    [InlineData("do employers pay for it?", true)]
    [InlineData("do employer pay for it?", true)]
    [InlineData("any promo coder here?", false)]
    public void IsMentionedIn_WordWithLanguageEnding_Matches(string question, bool expected)
    {
        var topic = new DetailTopic("x", "x", ["promo code", "employer pay"]) { WordEndings = ["s", "es"] };

        Assert.Equal(expected, topic.IsMentionedIn(question));
    }

    [Fact]
    public void IsMentionedIn_ShortWordWithEnding_DoesNotMatch() =>
        Assert.False(new DetailTopic("x", "x", ["go"]) { WordEndings = ["al"] }.IsMentionedIn("what is the goal"));

    [Fact]
    public void IsMentionedIn_NoEndingsConfigured_NeedsTheExactWord() =>
        Assert.False(new DetailTopic("x", "x", ["promo code"]).IsMentionedIn("any promo codes?"));

    [Theory]
    [InlineData("when do I get my exam results?", true)]
    [InlineData("when do i get my exam reslts?", true)]
    [InlineData("when is the result out", true)]
    [InlineData("when does machine learning pay off?", false)]
    [InlineData("results matter more than certificates", false)]
    public void IsMentionedIn_PairWordsWithEndingOrTypo_Matches(string question, bool expected)
    {
        var results = new DetailTopic("x", "x", ["score report"])
        {
            WordEndings = ["s"],
            Together = [new DetailCuePair(["result", "results", "earning"], ["when"]) { MaxGap = 5 }],
        };

        Assert.Equal(expected, results.IsMentionedIn(question));
    }
}

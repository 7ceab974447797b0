using CertBot.Knowledge.Faq;
using CertBot.Knowledge.Model;

namespace CertBot.Knowledge.Tests.Faq;

public sealed class FaqMatcherTests
{
    private static readonly FaqMatcher Matcher = new(KnowledgeFile.Real);

    [Theory]
    [InlineData("Is there an officially recognized machine learning engineer certification?", "official-certification")]
    [InlineData("WHICH VENDOR CERTIFICATION SHOULD I PURSUE FIRST", "which-vendor-first")]
    [InlineData("google prep", "google-prep-time")]
    [InlineData("cert required", "cert-required-to-get-hired")]
    [InlineData("wat replaced the aws machine lerning specialty", "retired-exams")]
    // Intent words outweigh the exam name the overview entry shares; an exam code counts as one name.
    [InlineData("price of the azure ai-103 exam", "exam-cost")]
    [InlineData("how many questions on the aws mla-c01 exam", "aws-exam-format")]
    [InlineData("practice tests for the google ml exam", "prep-resources")]
    [InlineData("frontend developer with zero machine learning experience", "software-engineer-path")]
    [InlineData("tell me about mla-c01", "aws-ml-overview")]
    public void Match_KnownQuestion_AnswersWithTheEntry(string utterance, string expected)
    {
        var match = Matcher.Match(utterance);

        Assert.Equal(FaqMatchKind.Answer, match.Kind);
        Assert.Equal(expected, match.Entry?.Id);
        Assert.Equal(expected, match.NearestFaqId);
        Assert.InRange(match.Confidence, 0.0, 1.0);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("what's the weather in oslo")]
    [InlineData("tell me a joke")]
    [InlineData("what time is it")]
    [InlineData("exam")]
    [InlineData("zxqv wplk")]
    public void Match_OutsideTheFaq_DoesNotAnswer(string utterance)
    {
        var match = Matcher.Match(utterance);

        Assert.NotEqual(FaqMatchKind.Answer, match.Kind);
        Assert.Null(match.Entry);
    }

    [Fact]
    public void Match_VagueQuestion_OffersAtMostThreeSuggestionsBestFirst()
    {
        var match = Matcher.Match("exam");

        Assert.Equal(FaqMatchKind.DidYouMean, match.Kind);
        Assert.InRange(match.Suggestions.Count, 1, 3);
        Assert.Equal(match.NearestFaqId, match.Suggestions[0].Id);
    }

    [Fact]
    public void Match_SameInput_IsDeterministic()
    {
        var first = Matcher.Match("how much does the certification cost");
        var second = new FaqMatcher(KnowledgeFile.Real).Match("how much does the certification cost");

        Assert.Equal(first, second with { Suggestions = first.Suggestions });
    }

    [Fact]
    public void Match_SynonymFromLexicon_MatchesWithoutSharedWords()
    {
        var faqs = new[] { Entry("resume", "Should I put certificates on my resume?") };
        var lexicon = new MatcherLexicon([new SynonymGroup("resume", ["cv"])], ["should", "i", "on", "my", "put"]);
        var matcher = new FaqMatcher(faqs, lexicon);

        Assert.Equal("resume", matcher.Match("certificates cv").NearestFaqId);
        Assert.Null(new FaqMatcher(faqs, MatcherLexicon.Empty).Match("cv").NearestFaqId);
    }

    [Fact]
    public void Match_AfterWarmUp_AllocatesOnlyTheResult()
    {
        const string utterance = "how long to prepare for the google ml engineer exam";
        Matcher.Match(utterance);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            Matcher.Match(utterance);
        }

        var perQuery = (GC.GetAllocatedBytesForCurrentThread() - before) / 100;
        Assert.True(perQuery <= 128, $"{perQuery} bytes per query");
    }

    [Fact]
    public void Constructor_NullKnowledge_Throws() =>
        Assert.Throws<ArgumentNullException>(() => new FaqMatcher((KnowledgeBase)null!));

    private static FaqEntry Entry(string id, string question) =>
        new(id, question, [], "An answer.", [], [], [], new DateOnly(2026, 11, 23));
}

using CertBot.Knowledge.Faq;

namespace CertBot.Knowledge.Tests.Faq;

public sealed class DetailGapFinderTests
{
    private static readonly DetailGapFinder Gaps = new(KnowledgeFile.Real, new CredentialMentions(KnowledgeFile.Real));

    [Theory]
    [InlineData("what's the passing score for the google ml engineer exam", "passing-score")]
    [InlineData("does the azure AI-103 certification expire", "renewal")]
    [InlineData("how much is MLA-C01 in euros", "regional-prices")]
    [InlineData("where do i schedule AI-103", "booking")]
    [InlineData("is the PMP useful for ML managers", "other-certifications")]
    [InlineData("how much do ml engineers make in berlin", "salaries")]
    [InlineData("should I do a masters first", "degrees")]
    [InlineData("what does the Databricks machine learning professional exam cover", "other-certifications")]
    [InlineData("is the snowflake cert any good", "other-certifications")]
    [InlineData("do AWS certified ML engineers get paid more?", "salaries")]
    [InlineData("are there enough ML engineer jobs out there right now?", "salaries")]
    public void Find_DetailTheKnowledgeLacks_NamesIt(string question, string detail)
    {
        var gap = Gaps.Find(question, answer: null);

        Assert.Equal(detail, gap?.DetailId);
    }

    [Theory]
    [InlineData("what is the passing score for MLA-C01")]
    [InlineData("how much does the google exam cost")]
    [InlineData("which course should I take first")]
    [InlineData("we run everything on Databricks and Spark at work, but what does the Google exam cover")]
    [InlineData("tell me about the azure ai apps and agents developer associate")]
    [InlineData("I'm back in the job market, what's the AWS machine learning one?")]
    public void Find_DetailTheKnowledgeHoldsOrNoDetail_IsNull(string question) => Assert.Null(Gaps.Find(question, answer: null));

    [Fact]
    public void Find_HeldNowhere_IsMarkedAndKeepsNoLink()
    {
        var gap = Gaps.Find("how much do ml engineers make", answer: null);

        Assert.True(gap?.HeldNowhere);
    }

    [Fact]
    public void Find_DetailOnlyInTheContext_ReadsTheQuestionPart()
    {
        const string text = "I failed the exam once, years ago. What is the AWS machine learning certification?";

        Assert.Null(Gaps.Find("What is the AWS machine learning certification?", text, answer: null, answerIsAboutTheCredential: false));
        Assert.NotNull(Gaps.Find(text, answer: null));
    }
}

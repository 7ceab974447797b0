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
    [InlineData("how do I get my manager to cover the cost of the AWS ML exam", "reimbursement")]
    [InlineData("how do i ask my company to pay for the google exam", "reimbursement")]
    [InlineData("is the hiring market for ML engineers any good", "salaries")]
    [InlineData("should I do a masters first", "degrees")]
    [InlineData("what does the Databricks machine learning professional exam cover", "other-certifications")]
    [InlineData("is the snowflake cert any good", "other-certifications")]
    [InlineData("do AWS certified ML engineers get paid more?", "salaries")]
    [InlineData("are there enough ML engineer jobs out there right now?", "salaries")]
    [InlineData("how much does the Azure AI Engineer exam cost in Nigeria?", "regional-prices")]
    [InlineData("Do I need a degree to become an ML engineer?", "degrees")]
    [InlineData("what percentage do I need to pass the Google exam?", "passing-score")]
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

    [Theory]
    [InlineData("pasing score for the google ml engineer exam", "passing-score")]
    [InlineData("what are typical ml engineer salaires", "salaries")]
    [InlineData("how long is the AWS ML engineer cert valid?", "renewal")]
    [InlineData("are breaks allowed during the AWS exam?", "exam-day")]
    public void Find_DetailTypedWithATypoOrInOtherWords_NamesIt(string question, string detail) =>
        Assert.Equal(detail, Gaps.Find(question, answer: null)?.DetailId);

    [Theory]
    [InlineData("I'm looking for a good course")]
    [InlineData("how many hours of study do I need for the Google exam?")]
    public void Find_WordOneEditFromAShortPhrase_IsNull(string question) => Assert.Null(Gaps.Find(question, answer: null));

    [Fact]
    public void Find_AnswerNeverWrittenForTheDetail_IsAGap()
    {
        // Nothing names a credential here, and the general preparation entry never asks about reimbursement.
        var gap = Gaps.Find("Do employers usually reimburse certification exam fees?", (CertBot.Knowledge.Model.Credential?)null, KnowledgeFile.Real.FindFaq("prep-time"), false);

        Assert.Equal("reimbursement", gap?.DetailId);
    }

    [Fact]
    public void Find_AnswerWrittenForTheDetail_IsNull()
    {
        // The AWS exam-format entry is written for its pass mark, and holds it.
        var credential = KnowledgeFile.Real.FindCredential("aws-mla-c01");

        Assert.Null(Gaps.Find("what is the pass mark for MLA-C01?", credential, KnowledgeFile.Real.FindFaq("aws-exam-format"), true));
    }

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

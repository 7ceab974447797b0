using CertBot.Knowledge.Faq;

namespace CertBot.Knowledge.Tests.Faq;

public sealed class CredentialOverviewQuestionTests
{
    private static readonly CredentialOverviewQuestion Overviews = new(KnowledgeFile.Real, new CredentialMentions(KnowledgeFile.Real));

    [Theory]
    [InlineData("what is AI-103?", "azure-ai-engineer-overview")]
    [InlineData("tell me about PMLE", "google-pmle-overview")]
    [InlineData("Microsoft data scientist associate credential, what's it about?", "azure-dp-100")]
    [InlineData("can you explain what MLA-C01 is", "aws-ml-overview")]
    [InlineData("what was MLS-C01", "aws-ml-overview")]
    [InlineData("AI-900 / AI-901?", "azure-ai-fundamentals")]
    [InlineData("aif-c01 overview please", "aws-ai-practitioner")]
    public void Find_OneCredentialAndOnlyOverviewWords_IsItsOverviewEntry(string question, string expected) =>
        Assert.Equal(expected, Overviews.Find(question)?.Id);

    [Theory]
    [InlineData("should I take AI-103?")]
    [InlineData("is AI-900 worth it")]
    [InlineData("how much does MLA-C01 cost")]
    [InlineData("is it possible to pass MLA-C01 with only videos")]
    [InlineData("DP-100 or AI-103?")]
    [InlineData("tell me about the AWS ML exam")]
    [InlineData("what is the best certification")]
    public void Find_SomethingMoreSpecificOrNoNamedCredential_IsNull(string question) => Assert.Null(Overviews.Find(question));
}

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
    [InlineData("what is the aws ml specialty", "aws-ml-overview")]
    [InlineData("what is the AWS machine learning specialty", "aws-ml-overview")]
    [InlineData("whats the gogle pmle certifcation about", "google-pmle-overview")]
    [InlineData("explian what the Amazn MLA-C01 is", "aws-ml-overview")]
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
    [InlineData("what is the pmle pasing score")]
    [InlineData("is AI-103 harder than AI-10")]
    public void Find_SomethingMoreSpecificOrNoNamedCredential_IsNull(string question) => Assert.Null(Overviews.Find(question));

    [Theory]
    [InlineData("What does it cover and who is it for?", "I've used SageMaker for a year. I found one called MLA-C01.", "aws-ml-overview")]
    [InlineData("What is it?", "My manager mentioned the PMLE. I've never looked into it.", "google-pmle-overview")]
    [InlineData("How much does it cost?", "My manager mentioned the PMLE.", null)]
    [InlineData("What is it?", "Someone mentioned AI-103 and DP-100.", null)]
    public void Find_QuestionAboutItInContext_UsesTheCredentialTheMessageNames(string question, string context, string? expected) =>
        Assert.Equal(expected, Overviews.Find(question, context + " " + question)?.Id);

    [Theory]
    [InlineData("is the aws ml specialty still a thing?", "aws-mls-c01")]
    [InlineData("tell me about the gen ai developer professional", "aws-aip-c01")]
    public void FindMention_NameWithMultiWordSynonymAbbreviated_IsTheCredential(string question, string expected) =>
        Assert.Equal(expected, new CredentialMentions(KnowledgeFile.Real).FindMention(question)?.Credential.Id);
}

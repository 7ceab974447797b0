using CertBot.Knowledge.Faq;

namespace CertBot.Knowledge.Tests.Faq;

public sealed class CredentialNameMaskTests
{
    private static readonly CredentialNameMask Mask = new(KnowledgeFile.Real, new CredentialMentions(KnowledgeFile.Real));

    [Theory]
    [InlineData("how much is MLA-C01?", "how much is exam?")]
    [InlineData("what does the Azure AI Engineer exam cost?", "what does the exam cost?")]
    [InlineData("what's the passing score for the AWS ML Engineer Associate?", "what's the passing score for the exam?")]
    [InlineData("what's the format of Google's professional machine learning engineer test?", "what's the format of test?")]
    [InlineData("is the AWS Machine Learning Specialty still available?", "is the exam still available?")]
    [InlineData("AI-102 retirement date?", "exam retirement date?")]
    [InlineData("how lnog to study for aws mla-c01", "how lnog to study for exam")]
    [InlineData("is the Google exam hard?", "is the exam hard?")]
    [InlineData("what materials help you prep for PMLE?", "what materials help you prep for exam?")]
    [InlineData("is two weeks enough to get ready for the azure ai engineer associate?", "is two weeks enough to get ready for the exam?")]
    public void Mask_NamedCredential_IsReplacedByExam(string question, string expected) =>
        Assert.Equal(expected, Mask.Mask(question));

    [Theory]
    [InlineData("do I need a machine learning certification to get hired?")]
    [InlineData("which course should I take first?")]
    [InlineData("I'm a data scientist moving into engineering")]
    [InlineData("sagemaker pricing per hour")]
    public void Mask_NoCredentialNamed_IsNull(string question) => Assert.Null(Mask.Mask(question));
}

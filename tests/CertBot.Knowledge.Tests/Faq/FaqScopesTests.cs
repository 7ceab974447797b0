using CertBot.Knowledge.Faq;

namespace CertBot.Knowledge.Tests.Faq;

/// <summary>Vendor versions of general entries (curated with versionOf) and which credential a question names.</summary>
public sealed class FaqScopesTests
{
    private static readonly CredentialMentions Mentions = new(KnowledgeFile.Real);
    private static readonly FaqScopes Scopes = new(KnowledgeFile.Real, Mentions);

    [Theory]
    [InlineData("prep-time", "how long to study for MLA-C01", "aws-prep-time")]
    [InlineData("prep-time", "prep time for the azure exam", "azure-prep-time")]
    [InlineData("google-prep-time", "prep time?", "prep-time")]
    [InlineData("google-prep-time", "how long to prepare for the aws exam", "aws-prep-time")]
    [InlineData("exam-format", "how many questions on the google exam", "google-exam-format")]
    [InlineData("exam-format", "how long are the exams", "exam-format")]
    [InlineData("cert-required-to-get-hired", "do I need the aws cert to get hired", "cert-required-to-get-hired")]
    [InlineData("aws-exam-format", "how many questions on MLA-C01", "aws-exam-format")]
    public void Resolve_QuestionNamingAVendorOrNone_GivesTheVersionThatFits(string matched, string question, string expected)
    {
        var entry = KnowledgeFile.Real.FindFaq(matched)!;

        var resolved = Scopes.Resolve(entry, Mentions.FindMention(question));

        Assert.Equal(expected, resolved.Id);
    }

    [Theory]
    [InlineData("can I retake MLA-C01?", "aws-mla-c01", true)]
    [InlineData("mla c01 passing score", "aws-mla-c01", true)]
    [InlineData("tell me about the azure data scientist associate", "azure-dp-100", true)]
    [InlineData("is the AI Practitioner worth it", "aws-aif-c01", true)]
    [InlineData("how long is the google exam", "google-pmle", false)]
    [InlineData("is amazon harder", "aws-mla-c01", false)]
    [InlineData("how long to prepare for the gogle ml engineer exam", "google-pmle", false)]
    [InlineData("how long is the azrue ai exam", "azure-ai-103", false)]
    [InlineData("tell me about PMLE", "google-pmle", true)]
    [InlineData("how long is the AWS Generative AI Developer exam?", "aws-aip-c01", true)]
    [InlineData("what's the Microsoft AI apps and agents developer test like?", "azure-ai-103", true)]
    [InlineData("how long is the aws machine learning engineer exam", "aws-mla-c01", false)]
    [InlineData("how long is the azure ai engineer exam", "azure-ai-103", false)]
    public void FindMention_CodeNameOrVendorWord_NamesTheCredential(string question, string credential, bool isExplicit)
    {
        var mention = Mentions.FindMention(question);

        Assert.Equal(credential, mention?.Credential.Id);
        Assert.Equal(isExplicit, mention?.Explicit);
    }

    [Theory]
    [InlineData("aws or google, which is harder")]
    [InlineData("aws or gogle, which is harder")]
    [InlineData("do I need a cert to get hired")]
    public void FindMention_NoneOrSeveralVendors_IsNull(string question) => Assert.Null(Mentions.FindMention(question));
}

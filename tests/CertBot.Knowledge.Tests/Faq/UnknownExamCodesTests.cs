using CertBot.Knowledge.Faq;

namespace CertBot.Knowledge.Tests.Faq;

public sealed class UnknownExamCodesTests
{
    private static readonly UnknownExamCodes Codes = new(KnowledgeFile.Real, new CredentialMentions(KnowledgeFile.Real));

    [Theory]
    [InlineData("how long is the AZ-400 exam?", "AZ-400")]
    [InlineData("is sap-c02 harder than the ML one", "sap-c02")]
    [InlineData("how much does ANS-C01 cost", "ANS-C01")]
    [InlineData("DP900 worth it?", "DP900")]
    [InlineData("what does DP-900 cover?", "DP-900")]
    public void Find_AnExamCodeTheKnowledgeDoesNotHold_ReturnsIt(string text, string code) =>
        Assert.Equal(code, Codes.Find(text));

    [Theory]
    [InlineData("how long is MLA-C01?")]
    [InlineData("prep time for ai-103")]
    [InlineData("is DP100 still around")]
    [InlineData("AIF-C01 or MLA-C01 first?")]
    [InlineData("the top-100 ML courses")]
    [InlineData("I have 100 hours to study in 2026")]
    [InlineData("does gpt-4o help with the exam")]
    [InlineData("is the Google PMLE hard")]
    public void Find_KnownCodesAndOrdinaryWords_ReturnsNull(string text) =>
        Assert.Null(Codes.Find(text));
}

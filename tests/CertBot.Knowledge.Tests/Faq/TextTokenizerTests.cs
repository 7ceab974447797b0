using CertBot.Knowledge.Faq;

namespace CertBot.Knowledge.Tests.Faq;

public sealed class TextTokenizerTests
{
    [Theory]
    [InlineData("What's the Résumé?", new[] { "what", "s", "the", "resume" })]
    [InlineData("MLA-C01 vs. AI-102!!", new[] { "mla", "c01", "vs", "ai", "102" })]
    [InlineData("   ", new string[0])]
    public void TokenizeToStrings_Text_LowercasesFoldsAccentsAndSplits(string text, string[] expected) =>
        Assert.Equal(expected, TextTokenizer.TokenizeToStrings(text));
}

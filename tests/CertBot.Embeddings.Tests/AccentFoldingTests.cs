using CertBot.Embeddings.Text;

namespace CertBot.Embeddings.Tests;

public sealed class AccentFoldingTests
{
    [Theory]
    [InlineData("résumé", "resume")]
    [InlineData("Ångström", "Angstrom")]
    [InlineData("re\u0301sume\u0301", "resume")]
    [InlineData("Tiếng Việt", "Tieng Viet")]
    [InlineData("Łódź", "Łodz")]
    public void Fold_AccentedText_ReturnsBaseLetters(string text, string expected)
    {
        Assert.Equal(expected, AccentFolding.Fold(text));
    }

    [Fact]
    public void Fold_TextWithoutAccents_ReturnsSameInstance()
    {
        const string text = "How much does the exam cost? 100 € only";

        Assert.Same(text, AccentFolding.Fold(text));
    }

    [Fact]
    public void Fold_LongText_FoldsBeyondStackBuffer()
    {
        var text = string.Concat(Enumerable.Repeat("é", 1000));

        Assert.Equal(new string('e', 1000), AccentFolding.Fold(text));
    }
}

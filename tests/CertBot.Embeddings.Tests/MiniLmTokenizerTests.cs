namespace CertBot.Embeddings.Tests;

public sealed class MiniLmTokenizerTests(MiniLmFixture fixture) : IClassFixture<MiniLmFixture>
{
    [Theory]
    [InlineData("résumé", "resume")]
    [InlineData("RÉSUMÉ", "resume")]
    [InlineData("re\u0301sume\u0301", "resume")]
    [InlineData("Café naïve Zürich", "cafe naive zurich")]
    public void Encode_AccentedText_GivesSameIdsAsPlainTextAndNoUnknown(string accented, string plain)
    {
        var tokenizer = fixture.Generator.Tokenizer;

        var ids = tokenizer.Encode(accented);

        Assert.Equal(tokenizer.Encode(plain), ids);
        Assert.DoesNotContain(tokenizer.UnknownTokenId, ids);
    }

    [Fact]
    public void Encode_Text_StartsWithClsAndEndsWithSep()
    {
        var ids = fixture.Generator.Tokenizer.Encode("How much does the exam cost?");

        // 101 and 102 are [CLS] and [SEP] in the BERT uncased vocabulary the model was trained with.
        Assert.Equal(101, ids[0]);
        Assert.Equal(102, ids[^1]);
        Assert.Equal(9, ids.Count);
    }

    [Fact]
    public void Encode_LongText_IsCutToTokenBudgetKeepingSep()
    {
        var ids = fixture.Generator.Tokenizer.Encode(string.Join(' ', Enumerable.Repeat("certification", 500)));

        Assert.Equal(128, ids.Count);
        Assert.Equal(102, ids[^1]);
    }
}

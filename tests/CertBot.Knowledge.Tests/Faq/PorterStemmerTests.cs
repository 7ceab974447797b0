using CertBot.Knowledge.Faq;

namespace CertBot.Knowledge.Tests.Faq;

public sealed class PorterStemmerTests
{
    [Theory]
    [InlineData("caresses", "caress")]
    [InlineData("ponies", "poni")]
    [InlineData("cats", "cat")]
    [InlineData("agreed", "agre")]
    [InlineData("hopping", "hop")]
    [InlineData("filing", "file")]
    [InlineData("relational", "relat")]
    [InlineData("generalization", "gener")]
    [InlineData("preparing", "prepar")]
    [InlineData("preparation", "prepar")]
    [InlineData("recommended", "recommend")]
    [InlineData("is", "is")]
    public void Stem_Word_MatchesPorterReference(string word, string expected)
    {
        var buffer = word.ToCharArray();

        var length = PorterStemmer.Stem(buffer);

        Assert.Equal(expected, new string(buffer, 0, length));
    }
}

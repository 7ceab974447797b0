namespace CertBot.Text.Tests;

public sealed class WordTokenizerTests
{
    [Theory]
    [InlineData("What's the Résumé?", "what the resume")]
    [InlineData("MLA-C01 vs. AI-102!!", "mla c01 vs ai 102")]
    [InlineData("MLS-C01", "mls c01")]
    [InlineData("don't, I'm", "dont im")]
    [InlineData("Amazon's ML exam", "amazon ml exam")]
    [InlineData("4yrs of ML, 3y on AWS", "4 yrs of ml 3 y on aws")]
    [InlineData("1.5 years. Then 2", "1.5 years then 2")]
    [InlineData("s3 and ec2", "s3 and ec2")]
    [InlineData("   ", "")]
    public void Normalize_Text_FollowsTheOneSetOfRules(string text, string expected) =>
        Assert.Equal(expected, WordTokenizer.Normalize(text));

    [Theory]
    [InlineData("What's MLS-C01? 4yrs")]
    [InlineData("Résumé: don't, Amazon's 1.5")]
    [InlineData("a")]
    public void Tokenize_SpanPath_GivesTheSameWordsAsWords(string text)
    {
        Span<char> buffer = stackalloc char[64];
        Span<Range> ranges = stackalloc Range[16];
        var count = WordTokenizer.Tokenize(text, buffer, ranges);
        var words = new string[count];
        for (var i = 0; i < count; i++)
        {
            words[i] = new string(buffer[ranges[i]]);
        }

        Assert.Equal(WordTokenizer.Words(text), words);
    }

    [Fact]
    public void Scan_Words_KnowWhereTheyWereWritten()
    {
        const string text = "Hi, I'm a DS.";
        var words = WordTokenizer.Scan(text);

        Assert.Equal(["hi", "im", "a", "ds"], words.Select(w => w.Text));
        Assert.Equal("I'm", text[words[1].Start..words[1].End]);
        Assert.Equal("DS", text[words[3].Start..words[3].End]);
    }
}

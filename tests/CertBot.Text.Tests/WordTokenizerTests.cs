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

    [Fact]
    public void Normalize_TextLongerThanTheStackBuffer_JoinsEveryWord()
    {
        // 60 copies of 15 characters: past the length joined on the stack, so the pooled path is the one exercised.
        var text = string.Join(" ", Enumerable.Repeat("Résumé's 4yrs!", 60));

        Assert.Equal(string.Join(" ", Enumerable.Repeat("resume 4 yrs", 60)), WordTokenizer.Normalize(text));
        Assert.Equal(180, WordTokenizer.Words(text).Length);
    }

    [Fact]
    public void Scan_PossessiveAndSplitUnit_EndWhereTheirLettersEnd()
    {
        const string text = "Amazon's 4yrs";
        var words = WordTokenizer.Scan(text);

        Assert.Equal(["amazon", "4", "yrs"], words.Select(w => w.Text));
        Assert.Equal("Amazon", text[words[0].Start..words[0].End]);
        Assert.Equal("4", text[words[1].Start..words[1].End]);
        Assert.Equal("yrs", text[words[2].Start..words[2].End]);
    }
}

using CertBot.Dialogs.Extraction;

namespace CertBot.Dialogs.Tests.Extraction;

public sealed class RecentTextsTests
{
    [Fact]
    public void Get_SameTextAgain_WorksItOutOnce()
    {
        var calls = 0;
        var recent = new RecentTexts<string>(100, t => { calls++; return t.ToUpperInvariant(); });

        var first = recent.Get("I'm a data scientist, 4 yrs");
        var second = recent.Get("I'm a data scientist, 4 yrs");

        Assert.Equal(1, calls);
        Assert.Same(first, second);
        Assert.Equal("I'M A DATA SCIENTIST, 4 YRS", first);
    }

    [Fact]
    public void Get_ManyDifferentTexts_EachGetsItsOwnValue()
    {
        var recent = new RecentTexts<Utterance>(100, Utterance.Parse);

        // More texts than the table has slots, read twice: a collision must work the text out again, never give another text's.
        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < 200; i++)
            {
                Assert.Equal(["text", $"{i}"], recent.Get($"text {i}")!.Tokens);
            }
        }
    }

    [Theory]
    [InlineData("a text longer than ten characters")]
    [InlineData("")]
    [InlineData(null)]
    public void Get_EmptyOrLongerThanTheLimit_IsNotWorkedOut(string? text)
    {
        var calls = 0;
        var recent = new RecentTexts<string>(10, t => { calls++; return t; });

        Assert.Null(recent.Get(text));
        Assert.Equal(0, calls);
    }
}

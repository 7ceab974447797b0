using CertBot.Dialogs.Extraction;

namespace CertBot.Dialogs.Tests.Extraction;

public sealed class RecentUtterancesTests
{
    [Fact]
    public void Masked_SameTextAgain_MasksOnceAndGivesTheSameUtterance()
    {
        var calls = 0;
        var recent = new RecentUtterances(100, u => { calls++; return u; });

        var first = recent.Masked("I'm a data scientist, 4 yrs");
        var second = recent.Masked("I'm a data scientist, 4 yrs");

        Assert.Equal(1, calls);
        Assert.Same(first, second);
        Assert.Same(recent.Parsed("I'm a data scientist, 4 yrs"), first);
    }

    [Fact]
    public void Parsed_ManyDifferentTexts_EachGetsItsOwnWords()
    {
        var recent = new RecentUtterances(100, u => u);

        // More texts than the table has slots, read twice: a collision must give a fresh parse, never another text's.
        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < 200; i++)
            {
                Assert.Equal(["text", $"{i}"], recent.Parsed($"text {i}").Tokens);
            }
        }
    }

    [Fact]
    public void Masked_TextLongerThanTheLimit_IsNotRemembered()
    {
        var calls = 0;
        var recent = new RecentUtterances(10, u => { calls++; return u; });

        Assert.Null(recent.Masked("a text longer than ten characters"));
        Assert.Equal(["a", "text", "longer", "than", "ten", "characters"], recent.Parsed("a text longer than ten characters").Tokens);
        Assert.Equal(0, calls);
    }
}

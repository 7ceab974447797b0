using System.Globalization;
using CertBot.Dialogs.Extraction;

namespace CertBot.Dialogs.Tests.Extraction;

public sealed class PhraseIndexTests
{
    private static readonly string[] Phrases = ["machine learning", "data scientist", "recommendation", "software engineer", "aws"];

    [Theory]
    [InlineData("I'm a data scienist", "data scientist")]
    [InlineData("get a recomendation", "recommendation")]
    [InlineData("get a recommedation please", "recommendation")]
    [InlineData("softwre engineer on aws", "software engineer,aws")]
    [InlineData("machien learning", "machine learning")]
    [InlineData("awz", "")]
    public void FindAll_TypedTwice_SameHitsAsEveryPhraseScannedInTurn(string text, string expected)
    {
        var index = new PhraseIndex(Phrases.Select(p => new PhraseMatcher(p)));
        var tokens = Utterance.Parse(text).Tokens;
        var scanned = Phrases.Select(p => new PhraseMatcher(p)).Where(p => p.FindAll(tokens).Any()).Select(p => p.Phrase);

        var first = index.FindAll(tokens).Select(h => index.Phrases[h.Phrase].Phrase).Distinct();
        var second = index.FindAll(tokens).Select(h => index.Phrases[h.Phrase].Phrase).Distinct();

        Assert.Equal(expected, string.Join(",", first));
        Assert.Equal(first, second);
        Assert.Equal(scanned, first);
    }

    [Fact]
    public void FindAll_FloodOfDistinctWords_RemembersAtMostTheLimit()
    {
        var index = new PhraseIndex(Phrases.Select(p => new PhraseMatcher(p)));

        for (var i = 0; i < 20_000; i++)
        {
            index.FindAll(Utterance.Parse("word" + i.ToString("x5", CultureInfo.InvariantCulture) + "zzz").Tokens);
        }

        Assert.InRange(index.RememberedWords, 1, 8192);
        Assert.NotEmpty(index.FindAll(Utterance.Parse("data scienist").Tokens));
    }
}

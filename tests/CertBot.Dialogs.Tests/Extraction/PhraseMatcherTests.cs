using CertBot.Dialogs.Extraction;

namespace CertBot.Dialogs.Tests.Extraction;

public sealed class PhraseMatcherTests
{
    [Theory]
    [InlineData("scientist", "scienist", true)]   // deletion
    [InlineData("software", "sofware", true)]     // deletion
    [InlineData("azure", "azrue", true)]          // adjacent swap
    [InlineData("cancel", "cancle", true)]        // adjacent swap
    [InlineData("google", "goggle", true)]        // substitution
    [InlineData("engineer", "engineers", true)]   // insertion
    [InlineData("cloud", "could", false)]         // two edits
    [InlineData("scientist", "sciencist", true)]
    [InlineData("scientist", "scnetist", false)]
    [InlineData("help", "hepl", false)]           // under five letters: exact only
    [InlineData("data", "date", false)]
    public void WordsMatch_Typo_ToleratesOneEditOnLongWords(string expected, string actual, bool matches)
    {
        Assert.Equal(matches, PhraseMatcher.WordsMatch(expected, actual));
    }

    [Theory]
    [InlineData("ds", "I'm a DS.", true)]
    [InlineData("ds", "my kids", false)]
    [InlineData("not sure yet", "Not sure, yet!", true)]
    [InlineData("dont know", "I don't know", true)]
    [InlineData("dont know", "I don’t know", true)]
    [InlineData("data scientist", "data science", false)]
    public void FindAll_Phrase_MatchesWholeWordsIgnoringCaseAndPunctuation(string phrase, string text, bool matches)
    {
        var tokens = Utterance.Parse(text).Tokens;

        Assert.Equal(matches, new PhraseMatcher(phrase).FindAll(tokens).Any());
    }

    [Theory]
    [InlineData("4yrs", "4 yrs")]
    [InlineData("1.5 years.", "1.5 years")]
    [InlineData("We're an AWS shop!", "were an aws shop")]
    [InlineData("  ", "")]
    public void Parse_Text_NormalizesTokens(string text, string expected)
    {
        Assert.Equal(expected, Utterance.Parse(text).Text);
    }
}

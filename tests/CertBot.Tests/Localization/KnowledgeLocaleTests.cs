using CertBot.Tests.Support;

namespace CertBot.Tests.Localization;

/// <summary>
/// The knowledge speaks the turn's language: knowledge.fr.yaml translates one FAQ answer and one credential name, a
/// fr-FR turn shows them, and every text the file leaves out (the question, the other answers, the other names) falls
/// back to English, entry by entry and field by field.
/// </summary>
public sealed class KnowledgeLocaleTests(PartialFrenchServerFixture fixture) : IClassFixture<PartialFrenchServerFixture>
{
    private const string EnglishAnswerStart = "**No.** Most ML engineering job ads list certifications";
    private const string EnglishQuestion = "Do I need a machine learning engineer certification to get hired?";

    private readonly CertBotServer _server = fixture.Server;

    [Theory]
    [InlineData("fr-FR")]
    [InlineData("fr-CA")]
    public async Task FaqAnswer_FrenchLocale_ShowsTheFrenchAnswerAndEnglishForTheRest(string locale)
    {
        var replies = await new TestChat(_server, locale: locale).SayAsync("Do I need a cert to get hired?");

        Assert.Contains(PartialFrenchServerFixture.FrenchAnswer, replies.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(EnglishAnswerStart, replies.AllText, StringComparison.Ordinal);
        // The question and the related entries' titles were not translated.
        Assert.Contains(EnglishQuestion, replies.AllText, StringComparison.Ordinal);
        Assert.Contains(replies.Buttons, button => button.Title == "What hiring managers look for");
    }

    [Fact]
    public async Task FaqAnswer_EnglishLocale_NeverSeesTheTranslation()
    {
        var replies = await new TestChat(_server, locale: "en-US").SayAsync("Do I need a cert to get hired?");

        Assert.Contains(EnglishAnswerStart, replies.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(PartialFrenchServerFixture.FrenchAnswer, replies.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FaqAnswer_UntranslatedEntryInFrench_IsTheEnglishAnswer()
    {
        var replies = await new TestChat(_server, locale: "fr-FR").SayAsync("How much do the ML certification exams cost?");

        Assert.Contains("Exam fees as last checked:", replies.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recommendation_FrenchLocale_NamesTheTranslatedCredentialInFrench()
    {
        var french = await new TestChat(_server, locale: "fr-FR").SayAsync("data scientist, 2 years of ML, aws");
        var english = await new TestChat(_server, locale: "en-US").SayAsync("data scientist, 2 years of ML, aws");

        Assert.Contains(french.Cards, card => card.ToJsonString().Contains($"credential-{PartialFrenchServerFixture.TranslatedCredential}", StringComparison.Ordinal));
        Assert.Contains(PartialFrenchServerFixture.FrenchCredentialName, french.AllText, StringComparison.Ordinal);
        // Its other text (the exam's format) and the facts (the fee) are English and the same.
        Assert.Contains("Proctored exam, 130 minutes, 65 questions", french.AllText, StringComparison.Ordinal);
        Assert.Contains("USD 150", french.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(PartialFrenchServerFixture.FrenchCredentialName, english.AllText, StringComparison.Ordinal);
        Assert.Contains("AWS Certified Machine Learning Engineer - Associate", english.AllText, StringComparison.Ordinal);
    }
}

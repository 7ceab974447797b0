using CertBot.Conversation;
using CertBot.Conversation.Features;
using CertBot.Dialogs.Definition;
using CertBot.Hosting;
using CertBot.Knowledge.Hosting;
using Microsoft.Extensions.DependencyInjection;
using CertBot.Tests.Conversation;
using CertBot.Tests.Support;

namespace CertBot.Tests.Localization;

/// <summary>
/// A language added with catalogue files alone also understands its own words: French numbers and durations are read
/// with the fr-fr recognizers the French dialog names (fr-CA inheriting them), a French role prototype is embedded and
/// used for French turns, and the French FAQ matcher reads questions with French stop words. An unknown recognizer
/// culture stops start-up at its file and line.
/// </summary>
public sealed class LocaleUnderstandingTests(FrenchUnderstandingServerFixture fixture) : IClassFixture<FrenchUnderstandingServerFixture>
{
    private const string EnglishAnswerStart = "**No.** Most ML engineering job ads list certifications";

    private readonly CertBotServer _server = fixture.Server;

    [Theory]
    [InlineData("fr-FR", "data scientist, trois ans, AWS", "data-scientist", 3, "aws")]
    [InlineData("fr-FR", "ML engineer, dix-huit mois de ML, Azure", "ml-practitioner", 1.5, "azure")]
    [InlineData("fr-FR", "ML engineer, deux ans et six mois de ML, GCP", "ml-practitioner", 2.5, "gcp")]
    [InlineData("fr-FR", "j'ai deux ans et demi de ML, data scientist, GCP", "data-scientist", 2.5, "gcp")]
    [InlineData("fr-FR", "data scientist avec un an et demi de ML, AWS", "data-scientist", 1.5, "aws")]
    [InlineData("fr-CA", "data scientist, trois ans, AWS", "data-scientist", 3, "aws")]
    public async Task Profile_FrenchNumberWords_AreReadAndRecommended(string locale, string text, string role, decimal years, string cloud)
    {
        var replies = await new TestChat(_server, locale: locale).SayAsync(text);

        ProfileTranscriptTests.AssertRecommendation(replies, role, years, cloud);
    }

    [Fact]
    public async Task Profile_FrenchNumberWordsInEnglish_AreNotReadAsYears()
    {
        // English reads with en-us: "trois ans" is no duration, so the years are still asked.
        var replies = await new TestChat(_server, locale: "en-US").SayAsync("data scientist, trois ans, AWS");

        Assert.True(ProfileTranscriptTests.AsksFor(replies, "mlYears"), replies.ToString());
    }

    [Fact]
    public void Catalogues_CanadianFrenchWithoutACulture_InheritsFrenchCulture()
    {
        var catalogues = _server.Services.GetRequiredService<Catalogues>();

        var canadian = catalogues.Resolve("fr-CA").Dialog;
        Assert.NotSame(catalogues.Resolve("fr").Dialog, canadian);
        Assert.Equal("fr-fr", canadian.Definition.RecognizerCulture);
        Assert.Equal("en-us", catalogues.Default.Dialog.Definition.RecognizerCulture);
    }

    [Fact]
    public async Task Interview_CanadianFrench_AsksItsOwnQuestionAndReadsFrenchYears()
    {
        var chat = new TestChat(_server, locale: "fr-CA");

        var asked = await chat.SayAsync("get a recommendation");
        Assert.Contains(FrenchUnderstandingServerFixture.CanadianRolePrompt, asked.AllText, StringComparison.Ordinal);
        await chat.SayAsync("data scientist");
        var cloud = await chat.SayAsync("quatre ans");
        Assert.True(ProfileTranscriptTests.AsksFor(cloud, "cloud"), cloud.ToString());
        ProfileTranscriptTests.AssertRecommendation(await chat.SayAsync("AWS"), "data-scientist", 4, "aws");
    }

    [Theory]
    [InlineData("fr-FR", true)]
    [InlineData("fr-CA", true)]
    [InlineData("en-US", false)]
    public async Task RoleAnswer_PhraseOnlyAFrenchPrototypeDescribes_IsInferredForFrenchTurnsOnly(string locale, bool inferred)
    {
        var chat = new TestChat(_server, locale: locale);
        Assert.True(ProfileTranscriptTests.AsksFor(await chat.SayAsync("get a recommendation"), "role"));

        var replies = await chat.SayAsync("je fabrique des sites web");

        // The vocabulary knows no such title: only the French prototype's vector points the way the answer does.
        Assert.Equal(inferred, ProfileTranscriptTests.AsksFor(replies, "mlYears"));
        Assert.Equal(!inferred, ProfileTranscriptTests.AsksFor(replies, "role"));
        Assert.Equal(inferred, replies.Contains("Got it: software engineer new to ML."));
    }

    [Fact]
    public async Task Profile_FrenchSelfDescriptionWithFrenchYears_IsInferredAndRecommended()
    {
        var replies = await new TestChat(_server, locale: "fr-FR").SayAsync("je fabrique des sites web, deux ans de ML, AWS");

        ProfileTranscriptTests.AssertRecommendation(replies, "software-engineer", 2, "aws");
    }

    [Theory]
    [InlineData("fr-FR")]
    [InlineData("fr-CA")]
    public async Task FaqQuestion_FrenchFunctionWords_AreStopWordsAndTheEntryAnswers(string locale)
    {
        // Seven of the eleven words only hold the sentence together; read as content they would outweigh the three that ask.
        var replies = await new TestChat(_server, locale: locale).SayAsync("Est-ce que j'ai vraiment besoin d'une certification pour être embauché ?");

        Assert.Contains(FrenchUnderstandingServerFixture.FrenchFaqQuestion, replies.AllText, StringComparison.Ordinal);
        Assert.Contains(EnglishAnswerStart, replies.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public void KnowledgeSnapshots_FrenchMatcherWords_AreFrenchOnesAndEnglishKeepsItsOwn()
    {
        var knowledge = _server.Services.GetRequiredService<KnowledgeStore>();

        var french = knowledge.Generation.For("fr").Knowledge.Lexicon;
        var english = knowledge.Generation.For("en").Knowledge.Lexicon;
        Assert.Contains("dune", french.StopWords);
        Assert.DoesNotContain("dune", english.StopWords);
        Assert.Contains("the", english.StopWords);
        Assert.DoesNotContain("the", french.StopWords);
        // Synonym groups the translation does not give are English's.
        Assert.Equal(english.Synonyms.Select(Words), french.Synonyms.Select(Words));
    }

    private static string Words(Knowledge.Model.SynonymGroup group) => $"{group.Canonical}: {string.Join(", ", group.Variants)}";

    [Theory]
    [InlineData("xx-yy")]
    [InlineData("klingon")]
    public async Task Start_UnknownRecognizerCulture_FailsNamingItsFileAndLine(string culture)
    {
        var folder = Directory.CreateTempSubdirectory("certbot-culture-");
        try
        {
            foreach (var name in new[] { "messages.en.yaml", "profile.dialog.en.yaml" })
            {
                File.Copy(Path.Combine(AppContext.BaseDirectory, "dialogs", name), Path.Combine(folder.FullName, name));
            }

            var file = Path.Combine(folder.FullName, "profile.dialog.de.yaml");
            File.WriteAllText(file, $"slots:\n  - name: role\n    prompts: [\"Was beschreibt Sie am besten?\"]\nrecognizerCulture: {culture}\n");

            var error = Assert.Throws<DialogDefinitionException>(() => new Catalogues(folder.FullName, CardFeatureEntry.InHost));
            Assert.Equal(file, error.FilePath);
            Assert.Equal(4, error.Line);
            Assert.Contains(culture, error.Problem, StringComparison.Ordinal);

            using var stderr = new StringWriter();
            var code = await CertBotApp.RunAsync(["--urls", "http://127.0.0.1:0", "--Storage:Provider=Memory", "--Knowledge:Semantic:Enabled=false", $"--CertBot:DialogsPath={folder.FullName}"], stderr);
            Assert.Equal(1, code);
            Assert.Contains($"{file}:4:20: 'recognizerCulture' is '{culture}'", stderr.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}

using CertBot.Conversation;
using CertBot.Tests.Support;

namespace CertBot.Tests.Localization;

/// <summary>
/// How a turn's locale picks its catalogue: specific, then neutral, then English; a language file sets only what it
/// translates and every other key falls back to English. Adding a language is adding files to dialogs/.
/// </summary>
public sealed class LocaleFallbackTests(PartialFrenchServerFixture fixture) : IClassFixture<PartialFrenchServerFixture>
{
    private const string FrenchTitle = PartialFrenchServerFixture.FrenchTitle;
    private const string FrenchRolePrompt = PartialFrenchServerFixture.FrenchRolePrompt;
    private const string EnglishTitle = "Hi, I'm CertBot";
    private const string EnglishText = "I help you decide which machine-learning credential is worth your time";

    private readonly CertBotServer _server = fixture.Server;
    private readonly DirectoryInfo _folder = fixture.Folder;

    [Theory]
    [InlineData("fr-FR", FrenchTitle)]
    [InlineData("fr-CA", FrenchTitle)]
    [InlineData("fr", FrenchTitle)]
    [InlineData("FR_fr", FrenchTitle)]
    [InlineData("en-US", EnglishTitle)]
    [InlineData("de-DE", EnglishTitle)]
    [InlineData("xx", EnglishTitle)]
    [InlineData("", EnglishTitle)]
    [InlineData("../../etc/passwd", EnglishTitle)]
    public async Task Welcome_Locale_SpeaksTheNearestCatalogue(string locale, string title)
    {
        var replies = await new TestChat(_server, locale: locale).InstallAsync();

        Assert.Contains(title, replies.AllText, StringComparison.Ordinal);
        // The French file has no welcome text: that key falls back to English.
        Assert.Contains(EnglishText, replies.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Interview_PartialDialogCatalogue_AsksInFrenchAndUnderstandsTheEnglishVocabulary()
    {
        var chat = new TestChat(_server, locale: "fr-FR");

        var asked = await chat.SayAsync("get a recommendation");
        Assert.Contains(FrenchRolePrompt, asked.AllText, StringComparison.Ordinal);
        // The choices' titles and synonyms were not translated: English ones answer.
        Assert.Contains("Data scientist moving into engineering", asked.AllText, StringComparison.Ordinal);
        var next = await chat.SayAsync("data scientist");
        Assert.Contains("Got it: data scientist.", next.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public void Catalogues_LocalesInTheFolder_AreFoundByFileName()
    {
        var catalogues = new Catalogues(_folder.FullName);

        Assert.Equal(["en", "fr"], catalogues.Locales.Order(StringComparer.Ordinal));
        Assert.Equal("fr", catalogues.Resolve("fr-BE").Locale);
        Assert.Equal("en", catalogues.Resolve(null).Locale);
        // A language without a dialog file of its own would share English's; this one has one.
        Assert.NotSame(catalogues.Default.Dialog, catalogues.Resolve("fr").Dialog);
    }

    [Fact]
    public void Catalogues_UnknownKeyInATranslation_FailsNamingTheFile()
    {
        var broken = Directory.CreateTempSubdirectory("certbot-broken-");
        try
        {
            foreach (var name in new[] { "messages.en.yaml", "profile.dialog.en.yaml" })
            {
                File.Copy(Path.Combine(AppContext.BaseDirectory, "dialogs", name), Path.Combine(broken.FullName, name));
            }

            File.WriteAllText(Path.Combine(broken.FullName, "messages.de.yaml"), "welcome:\n  titel: \"Hallo\"\n");

            var error = Assert.Throws<InvalidDataException>(() => new Catalogues(broken.FullName));
            Assert.Contains("messages.de.yaml", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            broken.Delete(recursive: true);
        }
    }

    [Fact]
    public void Catalogues_NoEnglishCatalogue_FailsNamingTheMissingFile()
    {
        var empty = Directory.CreateTempSubdirectory("certbot-empty-");
        try
        {
            var error = Assert.Throws<FileNotFoundException>(() => new Catalogues(empty.FullName));
            Assert.Contains("messages.en.yaml", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }
}

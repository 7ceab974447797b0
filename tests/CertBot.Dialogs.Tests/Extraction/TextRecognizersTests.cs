using CertBot.Dialogs.Definition;
using CertBot.Dialogs.Extraction;

namespace CertBot.Dialogs.Tests.Extraction;

public sealed class TextRecognizersTests
{
    private static readonly string DialogFile = Path.Combine(AppContext.BaseDirectory, "dialogs", "profile.dialog.en.yaml");

    [Fact]
    public void Constructor_English_BuildsNoModelUntilAsked()
    {
        var models = new TextRecognizers();

        Assert.False(models.IsLoaded);
        models.Load();
        Assert.True(models.IsLoaded);
    }

    [Fact]
    public void ReadFacts_DurationInWords_BuildsTheModelsOnFirstUse()
    {
        var definition = DialogDefinitionLoader.Load(DialogFile);
        var models = new TextRecognizers(definition.RecognizerCulture);
        var extractor = new SlotExtractor(definition, models);

        var facts = extractor.ReadFacts("data scientist with a year and a half of ML");

        Assert.Equal("1.5", facts.ValueOf("mlYears"));
        Assert.True(models.IsLoaded);
    }

    [Theory]
    [InlineData("en-us", "en-us")]
    [InlineData("EN-US", "en-us")]
    [InlineData("fr-fr", "fr-fr")]
    [InlineData("fr-ca", "fr-fr")]
    [InlineData("xx-yy", null)]
    public void Resolve_CultureCode_LibraryCultureOrNull(string culture, string? expected)
    {
        Assert.Equal(expected, TextRecognizers.Resolve(culture));
    }
}

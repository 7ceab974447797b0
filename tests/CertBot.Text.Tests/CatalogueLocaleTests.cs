namespace CertBot.Text.Tests;

public sealed class CatalogueLocaleTests
{
    [Theory]
    [InlineData("fr-FR", new[] { "fr-fr", "fr", "en" })]
    [InlineData("zh-Hant-TW", new[] { "zh-hant-tw", "zh-hant", "zh", "en" })]
    [InlineData("en_GB", new[] { "en-gb", "en" })]
    [InlineData("en", new[] { "en" })]
    [InlineData("qps-ploc", new[] { "qps-ploc", "qps", "en" })]
    [InlineData(null, new[] { "en" })]
    [InlineData("", new[] { "en" })]
    [InlineData("fr FR", new[] { "en" })]
    [InlineData("../fr", new[] { "en" })]
    [InlineData("averyveryverylongsubtagthatisnotone", new[] { "en" })]
    public void Chain_Locale_GoesFromSpecificToNeutralToEnglish(string? locale, string[] expected) =>
        Assert.Equal(expected, CatalogueLocale.Chain(locale));

    [Theory]
    [InlineData("fr-CA", "fr")]
    [InlineData("fr-FR", "fr-fr")]
    [InlineData("de-DE", "en")]
    [InlineData(null, "en")]
    public void Resolve_Available_PicksTheFirstOfTheChain(string? locale, string expected) =>
        Assert.Equal(expected, CatalogueLocale.Resolve(locale, new HashSet<string> { "en", "fr", "fr-fr" }));

    [Fact]
    public void Layers_SpecificLocale_EnglishFirstMostSpecificLast() =>
        Assert.Equal(["en", "fr", "fr-fr"], CatalogueLocale.Layers("fr-FR", new HashSet<string> { "en", "fr", "fr-fr", "de" }));
}

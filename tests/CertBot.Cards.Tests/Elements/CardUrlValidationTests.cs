namespace CertBot.Cards.Tests.Elements;

public sealed class CardUrlValidationTests
{
    [Theory]
    [InlineData("http://example.com/")]
    [InlineData("javascript:alert(1)")]
    [InlineData("file:///etc/passwd")]
    [InlineData("/relative/path")]
    public void OpenUrlAction_UrlWithoutHttpsOrMailto_Throws(string url)
    {
        Assert.Throws<ArgumentException>(() => new AdaptiveOpenUrlAction { Url = new Uri(url, UriKind.RelativeOrAbsolute) });
    }

    [Theory]
    [InlineData("https://learn.microsoft.com/credentials/")]
    [InlineData("mailto:team@example.com")]
    public void OpenUrlAction_HttpsOrMailto_IsKept(string url)
    {
        var action = new AdaptiveOpenUrlAction { Url = new Uri(url) };

        Assert.Equal(url, action.Url.OriginalString);
    }

    [Theory]
    [InlineData("http://example.com/a.png")]
    [InlineData("mailto:a@b.c")]
    [InlineData("data:image/png;base64,AAAA")]
    public void Image_UrlWithoutHttps_Throws(string url)
    {
        Assert.Throws<ArgumentException>(() => new AdaptiveImage { Url = new Uri(url) });
    }

    [Fact]
    public void Action_IconUrlWithoutHttps_Throws()
    {
        Assert.Throws<ArgumentException>(() => new AdaptiveSubmitAction { IconUrl = new Uri("http://example.com/i.png") });
    }

    [Theory]
    [InlineData("auto", "auto")]
    [InlineData("STRETCH", "stretch")]
    [InlineData("3", "3")]
    [InlineData("120px", "120px")]
    public void ColumnWidth_Parse_AcceptsOfficialForms(string text, string expected)
    {
        Assert.Equal(expected, AdaptiveColumnWidth.Parse(text).ToString());
    }

    [Theory]
    [InlineData("wide")]
    [InlineData("0")]
    [InlineData("-2")]
    [InlineData("px")]
    public void ColumnWidth_Parse_RejectsOtherText(string text)
    {
        Assert.Throws<FormatException>(() => AdaptiveColumnWidth.Parse(text));
    }

    [Fact]
    public void CardData_Parse_RejectsArrays()
    {
        Assert.Throws<ArgumentException>(() => CardData.Parse("[1,2]"));
    }

    [Fact]
    public void MsTeamsMention_For_BuildsMatchingText()
    {
        var mention = MsTeamsMention.For("29:1", "Ada Lovelace");

        Assert.Equal("<at>Ada Lovelace</at>", mention.Text);
        Assert.Equal("29:1", mention.Mentioned.Id);
    }
}

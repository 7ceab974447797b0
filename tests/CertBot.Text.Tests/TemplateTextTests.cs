namespace CertBot.Text.Tests;

public sealed class TemplateTextTests
{
    [Fact]
    public void Fill_Placeholders_AreReplacedWithTheirValues() =>
        Assert.Equal("Hi Ada, 4 years", TemplateText.Fill("Hi {name}, {years} years", ("name", "Ada"), ("years", "4")));

    [Fact]
    public void Fill_UnknownPlaceholder_StaysAsWritten() =>
        Assert.Equal("Hi {who}", TemplateText.Fill("Hi {who}", ("name", "Ada")));

    [Fact]
    public void Fill_ValueThatLooksLikeAPlaceholder_IsNotFilledAgain() =>
        Assert.Equal("{name} shared a recommendation for x", TemplateText.Fill("{who} shared a recommendation for {name}", ("who", "{name}"), ("name", "x")));

    [Fact]
    public void Fill_NoValues_ReturnsTheTemplate() => Assert.Equal("a {b} c", TemplateText.Fill("a {b} c"));
}

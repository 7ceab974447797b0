namespace CertBot.Cards.Tests.Text;

public sealed class CardTextTests
{
    [Theory]
    [InlineData("[x](http://evil)", @"\[x\]\(http://evil\)")]
    [InlineData("**b**", @"\*\*b\*\*")]
    [InlineData("_i_ ~s~ `c` # h > q | t", @"\_i\_ \~s\~ \`c\` \# h \> q \| t")]
    [InlineData(@"C:\path", @"C:\\path")]
    [InlineData("1. first", @"1\. first")]
    [InlineData("12) twelfth", @"12\) twelfth")]
    [InlineData("- item", @"\- item")]
    [InlineData("+ item", @"\+ item")]
    [InlineData("  - indented", @"  \- indented")]
    [InlineData("a - b + c 1. d", "a - b + c 1. d")]
    [InlineData("AI-102", "AI-102")]
    [InlineData("plain text", "plain text")]
    [InlineData("", "")]
    public void Escape_MarkdownInjection_IsNeutralised(string input, string expected)
    {
        Assert.Equal(expected, CardText.Escape(input));
    }

    [Theory]
    [InlineData("line1\nline2", "line1 line2")]
    [InlineData("line1\r\n\r\nline2", "line1 line2")]
    [InlineData("a\rb\u2028c", "a b c")]
    [InlineData("ok\n- item", "ok - item")]
    public void Escape_LineBreaks_CollapseToOneSpace(string input, string expected)
    {
        Assert.Equal(expected, CardText.Escape(input));
    }

    [Theory]
    [InlineData("<at>Boss</at>")]
    [InlineData("hi <AT>Boss</AT>!")]
    [InlineData("< at >Boss< /at >")]
    [InlineData("<at id=\"0\">Boss</at>")]
    public void Escape_MentionTags_AreDefused(string input)
    {
        var escaped = CardText.Escape(input);

        Assert.DoesNotMatch("(?i)<\\s*/?\\s*at", escaped);
        Assert.Contains("Boss", escaped, StringComparison.Ordinal);
    }

    [Fact]
    public void Escape_MentionTag_KeepsReadableBrackets()
    {
        Assert.Equal("‹at›Boss‹/at›", CardText.Escape("<at>Boss</at>"));
    }

    [Fact]
    public void Escape_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => CardText.Escape(null!));
    }

    [Theory]
    [InlineData("short", 10, "short")]
    [InlineData("exactly10!", 10, "exactly10!")]
    [InlineData("Machine learning engineer", 10, "Machine l…")]
    [InlineData("Machine   learning", 11, "Machine…")]
    [InlineData("abcdef", 4, "abc…")]
    [InlineData("abcdef", 1, "…")]
    public void Truncate_LongText_CutsWithEllipsis(string input, int max, string expected)
    {
        var result = CardText.Truncate(input, max);

        Assert.Equal(expected, result);
        Assert.True(result.Length <= max);
    }

    [Fact]
    public void Truncate_AtSurrogatePair_DoesNotSplitIt()
    {
        var result = CardText.Truncate("ab😀cd", 4);

        Assert.Equal("ab…", result);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Truncate_NonPositiveLength_Throws(int max)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CardText.Truncate("text", max));
    }
}

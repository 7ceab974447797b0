using CertBot.Protocol.Diagnostics;

namespace CertBot.Protocol.Tests.Diagnostics;

public sealed class WireTextTests
{
    [Theory]
    [InlineData("act-123", "act-123")]
    [InlineData("a\nFAKE: admin logged in", "a\uFFFDFAKE: admin logged in")]
    [InlineData("a\r\nb", "a\uFFFD\uFFFDb")]
    [InlineData("esc\u001b[31mred", "esc\uFFFD[31mred")]
    [InlineData("line\u2028sep", "line\uFFFDsep")]
    [InlineData("bidi\u202Egnp.exe", "bidi\uFFFDgnp.exe")]
    [InlineData("emoji 👍 stays", "emoji 👍 stays")]
    [InlineData(null, "(none)")]
    public void ForLog_WireValue_ControlCharactersReplaced(string? value, string expected)
    {
        Assert.Equal(expected, WireText.ForLog(value));
    }

    [Fact]
    public void ForLog_LongValue_CutWithItsLengthSaid()
    {
        var logged = WireText.ForLog(new string('x', 200_000));

        Assert.StartsWith(new string('x', WireText.IdLength) + "…(+", logged, StringComparison.Ordinal);
        Assert.EndsWith($"{200_000 - WireText.IdLength} chars)", logged, StringComparison.Ordinal);
    }

    [Fact]
    public void ForLog_CutInsideSurrogatePair_LoneHalfReplaced()
    {
        var value = new string('x', WireText.IdLength - 1) + "👍";

        var logged = WireText.ForLog(value);

        Assert.Equal(new string('x', WireText.IdLength - 1) + "\uFFFD", logged[..WireText.IdLength]);
    }
}

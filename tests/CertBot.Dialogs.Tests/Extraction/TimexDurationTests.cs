using CertBot.Dialogs.Extraction;

namespace CertBot.Dialogs.Tests.Extraction;

public sealed class TimexDurationTests
{
    [Theory]
    [InlineData("P18M", 1.5)]
    [InlineData("P10Y", 10)]
    [InlineData("P1.5Y", 1.5)]
    [InlineData("P5Y", 5)]
    [InlineData("P9M", 0.75)]
    [InlineData("P26W", 0.5)]
    [InlineData("P1Y6M", 1.5)]
    [InlineData("P73D", 0.2)]
    [InlineData("(2024-12-01,2026-12-01,P2Y)", 2)]
    public void ToYears_DurationTimex_ReadsYears(string timex, double years)
    {
        Assert.Equal(years, TimexDuration.ToYears(timex)!.Value.Years, 3);
    }

    [Theory]
    [InlineData("PT3H")]
    [InlineData("2024")]
    [InlineData("XXXX-WXX-1")]
    [InlineData("")]
    [InlineData(null)]
    public void ToYears_NotADateDuration_ReturnsNull(string? timex)
    {
        Assert.Null(TimexDuration.ToYears(timex));
    }
}

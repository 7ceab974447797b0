using System.Globalization;
using System.Text.RegularExpressions;

namespace CertBot.Dialogs.Extraction;

/// <summary>Reads an ISO 8601 duration TIMEX ("P18M", "P1.5Y", "P1Y6M", "P6W") as years.</summary>
/// <remarks>The recognizer's "value" field counts 30-day months (18 months is not 1.5 years there), so the TIMEX is the truth.</remarks>
internal static partial class TimexDuration
{
    private const double WeeksPerYear = 52;
    private const double DaysPerYear = 365;

    /// <summary>Years in a date part duration, with the years one unit stands for when there is a single unit; null for time-of-day durations ("PT3H") and non-durations.</summary>
    public static (double Years, double? UnitYears)? ToYears(string? timex)
    {
        if (string.IsNullOrEmpty(timex))
        {
            return null;
        }

        var match = DurationPattern().Match(timex);
        if (!match.Success)
        {
            return null;
        }

        var years = 0.0;
        double? unitYears = null;
        var parts = 0;
        foreach (Capture capture in match.Groups["part"].Captures)
        {
            var text = capture.Value;
            var amount = double.Parse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture);
            var perUnit = text[^1] switch
            {
                'Y' => 1.0,
                'M' => 1.0 / 12,
                'W' => 1 / WeeksPerYear,
                _ => 1 / DaysPerYear,
            };
            years += amount * perUnit;
            unitYears = perUnit;
            parts++;
        }

        return parts == 0 ? null : (years, parts == 1 ? unitYears : null);
    }

    // Date-part durations only; a "T" part (hours, minutes) is never experience. Dateranges embed one: "(2024-12-01,2026-12-01,P2Y)".
    [GeneratedRegex(@"(?:^|,)P(?<part>\d+(?:\.\d+)?[YMWD])+(?:\)|$)", RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();
}

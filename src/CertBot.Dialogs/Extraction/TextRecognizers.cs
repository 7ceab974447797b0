using System.Globalization;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.DateTime;
using Microsoft.Recognizers.Text.Number;

namespace CertBot.Dialogs.Extraction;

/// <summary>The Microsoft.Recognizers.Text models the extractor uses, built in one place because each compiles large regex tables (about a second).</summary>
/// <remarks>Build once (a host may do it in the background at start-up) and share: parsing is thread-safe.</remarks>
public sealed class TextRecognizers
{
    /// <summary>Builds the English number and date-time models.</summary>
    /// <exception cref="InvalidOperationException">The process cannot create the en-US culture.</exception>
    public TextRecognizers()
    {
        try
        {
            Numbers = (NumberModel)new NumberRecognizer(Culture.English).GetNumberModel();
            DateTimes = new DateTimeRecognizer(Culture.English).GetDateTimeModel();
        }
        catch (CultureNotFoundException ex)
        {
            throw new InvalidOperationException(
                "Microsoft.Recognizers.Text needs the en-US culture. With <InvariantGlobalization>true</InvariantGlobalization> " +
                "also set <PredefinedCulturesOnly>false</PredefinedCulturesOnly> in the application's project file.",
                ex);
        }
    }

    /// <summary>Numbers in words or digits ("three", "1.5"): bare answers and numbers a cue claims ("1 on GCP").</summary>
    internal NumberModel Numbers { get; }

    /// <summary>Durations ("18 months", "a decade", "a year and a half"), read from their TIMEX.</summary>
    internal IModel DateTimes { get; }
}

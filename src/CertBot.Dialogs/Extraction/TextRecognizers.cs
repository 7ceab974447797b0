using System.Globalization;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.DateTime;
using Microsoft.Recognizers.Text.Number;

namespace CertBot.Dialogs.Extraction;

/// <summary>
/// The Microsoft.Recognizers.Text models the extractor uses for one culture (<c>recognizerCulture</c> in a locale's
/// profile.dialog file: "en-us", "fr-fr"), built in one place because each compiles large regex tables.
/// </summary>
/// <remarks>
/// Build once per culture and share between the locales that read with it: parsing is thread-safe. The models are
/// built on first use (a few hundred milliseconds) and the first parse of the culture's own words costs a second or
/// more: a host pays both in the background after start-up (<see cref="Load"/>, then a parse).
/// </remarks>
public sealed class TextRecognizers
{
    private readonly Lazy<NumberModel> _numbers;
    private readonly Lazy<IModel> _dateTimes;

    /// <summary>The culture a dialog reads with when its file names none: the one English declares.</summary>
    public const string DefaultCulture = Microsoft.Recognizers.Text.Culture.English;

    /// <summary>Builds the English number and date-time models.</summary>
    /// <exception cref="InvalidOperationException">The process cannot create the en-US culture.</exception>
    public TextRecognizers()
        : this(DefaultCulture)
    {
    }

    /// <summary>Builds the number and date-time models of <paramref name="culture"/> ("en-us", "fr-fr").</summary>
    /// <exception cref="ArgumentException">Microsoft.Recognizers.Text has no number or date-time model for <paramref name="culture"/>.</exception>
    /// <exception cref="InvalidOperationException">The process cannot create the culture.</exception>
    public TextRecognizers(string culture)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(culture);
        CultureCode = culture.Trim().ToLowerInvariant();
        // The culture itself is checked now (cheaply), so a process that cannot create it still refuses start-up.
        _ = Guard(() => CultureInfo.GetCultureInfo(CultureCode));
        // Each model compiles large regex tables (about a tenth of a second of start-up for English); they are built on
        // first use, or by the host's background warm-up, instead of before the bot listens. No fallback: a culture the
        // library lacks would otherwise be read as English without a word.
        _numbers = new Lazy<NumberModel>(
            () => Guard(() => (NumberModel)new NumberRecognizer(CultureCode, NumberOptions.None, lazyInitialization: true).GetNumberModel(CultureCode, fallbackToDefaultCulture: false)),
            LazyThreadSafetyMode.ExecutionAndPublication);
        _dateTimes = new Lazy<IModel>(
            () => Guard(() => new DateTimeRecognizer(CultureCode, DateTimeOptions.None, lazyInitialization: true).GetDateTimeModel(CultureCode, fallbackToDefaultCulture: false)),
            LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The recognizers' culture code, lower case ("en-us").</summary>
    public string CultureCode { get; }

    /// <summary>Numbers in words or digits ("three", "1.5"): bare answers and numbers a cue claims ("1 on GCP").</summary>
    internal NumberModel Numbers => _numbers.Value;

    /// <summary>Durations ("18 months", "a decade", "a year and a half"), read from their TIMEX.</summary>
    internal IModel DateTimes => _dateTimes.Value;

    /// <summary>Whether both models have been built (by a first parse or <see cref="Load"/>).</summary>
    public bool IsLoaded => _numbers.IsValueCreated && _dateTimes.IsValueCreated;

    /// <summary>Builds both models now, if no parse has yet.</summary>
    /// <exception cref="ArgumentException">Microsoft.Recognizers.Text has no number or date-time model for the culture.</exception>
    /// <exception cref="InvalidOperationException">The process cannot create the culture.</exception>
    public void Load()
    {
        _ = _numbers.Value;
        _ = _dateTimes.Value;
    }

    /// <summary>
    /// The culture Microsoft.Recognizers.Text reads <paramref name="culture"/> with ("fr-ca" is read as "fr-fr", "en-gb"
    /// as "en-*"), or null when it has no number and date-time models for that language. The models it builds to find
    /// out are the ones a later <see cref="TextRecognizers"/> of that culture gets (the library keeps them for the process).
    /// </summary>
    public static string? Resolve(string culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var code = culture.Trim().ToLowerInvariant();
        var nearest = Microsoft.Recognizers.Text.Culture.MapToNearestLanguage(code);
        // The library maps any code by its first letters ("french" to fr-fr): only the same language is the same culture.
        if (LanguageOf(nearest) != LanguageOf(code))
        {
            return null;
        }

        try
        {
            var models = new TextRecognizers(nearest);
            // The library is built around its English models and every release ships them: building them only to
            // learn that would cost start-up a tenth of a second. Any other culture is proven by building its models.
            if (nearest != DefaultCulture)
            {
                models.Load();
            }

            return nearest;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The culture codes the library lists, for the message that rejects another.</summary>
    public static IReadOnlyList<string> ListedCultures => Microsoft.Recognizers.Text.Culture.GetSupportedCultureCodes();

    private static string LanguageOf(string code) => code.Split('-')[0];

    private T Guard<T>(Func<T> build)
    {
        try
        {
            return build();
        }
        catch (CultureNotFoundException ex)
        {
            throw new InvalidOperationException(
                $"Microsoft.Recognizers.Text needs the {CultureCode} culture. With <InvariantGlobalization>true</InvariantGlobalization> " +
                "also set <PredefinedCulturesOnly>false</PredefinedCulturesOnly> in the application's project file.",
                ex);
        }
    }
}

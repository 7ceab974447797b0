using System.Globalization;
using System.Text.Json.Serialization;
using CertBot.Cards.Serialization;

namespace CertBot.Cards;

/// <summary>A column width: <c>"auto"</c>, <c>"stretch"</c>, a relative weight (JSON number) or <c>"NNpx"</c>.</summary>
[JsonConverter(typeof(AdaptiveColumnWidthJsonConverter))]
public readonly record struct AdaptiveColumnWidth
{
    private AdaptiveColumnWidth(string? keyword, int weight, int pixels)
    {
        Keyword = keyword;
        Weight = weight;
        Pixels = pixels;
    }

    /// <summary>Fits the content.</summary>
    public static AdaptiveColumnWidth Auto => new("auto", 0, 0);

    /// <summary>Takes the remaining space.</summary>
    public static AdaptiveColumnWidth Stretch => new("stretch", 0, 0);

    /// <summary><c>"auto"</c> or <c>"stretch"</c>, else null.</summary>
    public string? Keyword { get; }

    /// <summary>Relative weight, or 0 when not a weight.</summary>
    public int Weight { get; }

    /// <summary>Fixed width in pixels, or 0 when not a pixel width.</summary>
    public int Pixels { get; }

    /// <summary>A relative weight (serialized as a JSON number).</summary>
    public static AdaptiveColumnWidth Weighted(int weight)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(weight);
        return new(null, weight, 0);
    }

    /// <summary>A fixed width (serialized as <c>"NNpx"</c>).</summary>
    public static AdaptiveColumnWidth FixedPixels(int pixels)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pixels);
        return new(null, 0, pixels);
    }

    /// <summary>Parses <c>auto</c>, <c>stretch</c>, <c>NNpx</c> or a whole number.</summary>
    public static AdaptiveColumnWidth Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = value.Trim();
        if (text.Equals("auto", StringComparison.OrdinalIgnoreCase))
        {
            return Auto;
        }

        if (text.Equals("stretch", StringComparison.OrdinalIgnoreCase))
        {
            return Stretch;
        }

        if (text.EndsWith("px", StringComparison.OrdinalIgnoreCase)
            && int.TryParse(text.AsSpan(0, text.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var px)
            && px > 0)
        {
            return FixedPixels(px);
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var weight) && weight > 0)
        {
            return Weighted(weight);
        }

        throw new FormatException($"'{value}' is not a column width (auto, stretch, NNpx or a positive whole number).");
    }

    /// <inheritdoc />
    public override string ToString() =>
        Keyword ?? (Pixels > 0
            ? Pixels.ToString(CultureInfo.InvariantCulture) + "px"
            : Weight.ToString(CultureInfo.InvariantCulture));
}

namespace CertBot.Cards;

/// <summary>An image; Teams wants HTTPS, at most 1024×1024 and 1 MB, no animated GIF.</summary>
public sealed record AdaptiveImage : AdaptiveElement
{
    /// <summary>Absolute HTTPS URL of the image; anything else throws <see cref="ArgumentException"/>.</summary>
    public required Uri Url
    {
        get;
        init => field = CardUrl.RequireHttps(value, nameof(Url));
    }

    /// <summary>Alternate text for screen readers.</summary>
    public string? AltText { get; init; }

    /// <summary>Approximate size.</summary>
    public AdaptiveImageSize? Size { get; init; }

    /// <summary><c>person</c> crops the image to a circle.</summary>
    public AdaptiveImageStyle? Style { get; init; }

    /// <summary>Horizontal alignment.</summary>
    public AdaptiveHorizontalAlignment? HorizontalAlignment { get; init; }

    /// <summary>Action run when the image is tapped (not Action.ShowCard).</summary>
    public AdaptiveAction? SelectAction { get; init; }
}

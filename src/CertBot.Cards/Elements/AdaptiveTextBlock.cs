namespace CertBot.Cards;

/// <summary>A block of text with the Teams markdown subset; escape untrusted text with <see cref="CardText.Escape"/>.</summary>
public sealed record AdaptiveTextBlock : AdaptiveElement
{
    /// <summary>Text to display (markdown subset).</summary>
    public required string Text { get; init; }

    /// <summary>Wraps instead of clipping.</summary>
    public bool? Wrap { get; init; }

    /// <summary>Font size.</summary>
    public AdaptiveTextSize? Size { get; init; }

    /// <summary>Font weight.</summary>
    public AdaptiveTextWeight? Weight { get; init; }

    /// <summary>Text colour.</summary>
    public AdaptiveTextColor? Color { get; init; }

    /// <summary>Tones the text down.</summary>
    public bool? IsSubtle { get; init; }

    /// <summary>Maximum number of lines shown.</summary>
    public int? MaxLines { get; init; }

    /// <summary>Horizontal alignment.</summary>
    public AdaptiveHorizontalAlignment? HorizontalAlignment { get; init; }

    /// <summary>Font family.</summary>
    public AdaptiveFontType? FontType { get; init; }

    /// <summary><c>heading</c> marks the block as a heading for accessibility (1.5).</summary>
    public AdaptiveTextBlockStyle? Style { get; init; }
}

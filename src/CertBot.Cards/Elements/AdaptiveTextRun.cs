using System.Text.Json.Serialization;

namespace CertBot.Cards;

/// <summary>One run of formatted text inside a RichTextBlock (no markdown).</summary>
public sealed record AdaptiveTextRun
{
    /// <summary>Always <c>TextRun</c>; the schema requires it on inlines.</summary>
    [JsonPropertyOrder(-1)]
    public string Type { get; } = "TextRun";

    /// <summary>Text to display, shown literally.</summary>
    public required string Text { get; init; }

    /// <summary>Font weight.</summary>
    public AdaptiveTextWeight? Weight { get; init; }

    /// <summary>Text colour.</summary>
    public AdaptiveTextColor? Color { get; init; }

    /// <summary>Italic.</summary>
    public bool? Italic { get; init; }

    /// <summary>Strikethrough.</summary>
    public bool? Strikethrough { get; init; }

    /// <summary>Underline (1.3).</summary>
    public bool? Underline { get; init; }

    /// <summary>Highlighted.</summary>
    public bool? Highlight { get; init; }

    /// <summary>Tones the text down.</summary>
    public bool? IsSubtle { get; init; }

    /// <summary>Font size.</summary>
    public AdaptiveTextSize? Size { get; init; }

    /// <summary>Font family.</summary>
    public AdaptiveFontType? FontType { get; init; }

    /// <summary>Action run when the text is clicked (not Action.ShowCard).</summary>
    public AdaptiveAction? SelectAction { get; init; }
}

using System.Text.Json.Serialization;

namespace CertBot.Cards;

/// <summary>One column of a ColumnSet.</summary>
public sealed record AdaptiveColumn
{
    /// <summary>Always <c>Column</c>.</summary>
    [JsonPropertyOrder(-1)]
    public string Type { get; } = "Column";

    /// <summary>Unique id within the card.</summary>
    public string? Id { get; init; }

    /// <summary>Width: auto, stretch, a relative weight or pixels.</summary>
    public AdaptiveColumnWidth? Width { get; init; }

    /// <summary>Elements inside the column.</summary>
    public IList<AdaptiveElement> Items { get => field ??= []; init; }

    /// <summary>Style hint.</summary>
    public AdaptiveContainerStyle? Style { get; init; }

    /// <summary>Vertical alignment of the items.</summary>
    public AdaptiveVerticalContentAlignment? VerticalContentAlignment { get; init; }

    /// <summary>Spacing before the column.</summary>
    public AdaptiveSpacing? Spacing { get; init; }

    /// <summary>Draws a line before the column.</summary>
    public bool? Separator { get; init; }

    /// <summary>False hides the column.</summary>
    public bool? IsVisible { get; init; }

    /// <summary>Bleeds through the parent's padding.</summary>
    public bool? Bleed { get; init; }

    /// <summary>Minimum height, e.g. <c>"50px"</c>.</summary>
    public string? MinHeight { get; init; }

    /// <summary>Action run when the column is tapped (not Action.ShowCard).</summary>
    public AdaptiveAction? SelectAction { get; init; }
}

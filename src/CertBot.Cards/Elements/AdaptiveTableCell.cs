using System.Text.Json.Serialization;

namespace CertBot.Cards;

/// <summary>One cell of a TableRow.</summary>
public sealed record AdaptiveTableCell
{
    /// <summary>Always <c>TableCell</c>.</summary>
    [JsonPropertyOrder(-1)]
    public string Type { get; } = "TableCell";

    /// <summary>Elements inside the cell.</summary>
    public IList<AdaptiveElement> Items { get => field ??= []; init; }

    /// <summary>Style hint.</summary>
    public AdaptiveContainerStyle? Style { get; init; }

    /// <summary>Vertical alignment of the items.</summary>
    public AdaptiveVerticalContentAlignment? VerticalContentAlignment { get; init; }

    /// <summary>Action run when the cell is tapped (not Action.ShowCard).</summary>
    public AdaptiveAction? SelectAction { get; init; }
}

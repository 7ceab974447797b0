using System.Text.Json.Serialization;

namespace CertBot.Cards;

/// <summary>One row of a Table.</summary>
public sealed record AdaptiveTableRow
{
    /// <summary>Always <c>TableRow</c>.</summary>
    [JsonPropertyOrder(-1)]
    public string Type { get; } = "TableRow";

    /// <summary>The cells, left to right.</summary>
    public IList<AdaptiveTableCell> Cells { get => field ??= []; init; }

    /// <summary>Style of the whole row.</summary>
    public AdaptiveContainerStyle? Style { get; init; }
}

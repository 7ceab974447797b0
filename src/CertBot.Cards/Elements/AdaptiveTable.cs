namespace CertBot.Cards;

/// <summary>A grid of cells (1.5).</summary>
public sealed record AdaptiveTable : AdaptiveElement
{
    /// <summary>Column definitions; their count fixes the number of cells shown per row.</summary>
    public IList<AdaptiveTableColumnDefinition> Columns { get => field ??= []; init; }

    /// <summary>The rows.</summary>
    public IList<AdaptiveTableRow> Rows { get => field ??= []; init; }

    /// <summary>Treats the first row as a header (announced as such by screen readers).</summary>
    public bool? FirstRowAsHeader { get; init; }

    /// <summary>Draws grid lines (default true).</summary>
    public bool? ShowGridLines { get; init; }

    /// <summary>Style of the grid lines.</summary>
    public AdaptiveContainerStyle? GridStyle { get; init; }

    /// <summary>Horizontal alignment of every cell's content.</summary>
    public AdaptiveHorizontalAlignment? HorizontalCellContentAlignment { get; init; }
}

namespace CertBot.Cards;

/// <summary>Width and alignment of one table column.</summary>
public sealed record AdaptiveTableColumnDefinition
{
    /// <summary>Relative weight (number) or <c>"NNpx"</c>.</summary>
    public AdaptiveColumnWidth? Width { get; init; }

    /// <summary>Horizontal alignment of the column's cells.</summary>
    public AdaptiveHorizontalAlignment? HorizontalCellContentAlignment { get; init; }
}

namespace CertBot.Cards;

/// <summary>Splits a region into columns.</summary>
public sealed record AdaptiveColumnSet : AdaptiveElement
{
    /// <summary>The columns, left to right.</summary>
    public IList<AdaptiveColumn> Columns { get => field ??= []; init; }

    /// <summary>Style hint.</summary>
    public AdaptiveContainerStyle? Style { get; init; }

    /// <summary>Bleeds through the parent's padding.</summary>
    public bool? Bleed { get; init; }

    /// <summary>Minimum height, e.g. <c>"50px"</c>.</summary>
    public string? MinHeight { get; init; }

    /// <summary>Horizontal alignment.</summary>
    public AdaptiveHorizontalAlignment? HorizontalAlignment { get; init; }

    /// <summary>Action run when the set is tapped (not Action.ShowCard).</summary>
    public AdaptiveAction? SelectAction { get; init; }
}

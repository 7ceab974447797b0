namespace CertBot.Cards;

/// <summary>Groups elements, optionally with a style background.</summary>
public sealed record AdaptiveContainer : AdaptiveElement
{
    /// <summary>Elements inside the container.</summary>
    public IList<AdaptiveElement> Items { get => field ??= []; init; }

    /// <summary>Style hint (emphasis, good, attention, warning, accent, default).</summary>
    public AdaptiveContainerStyle? Style { get; init; }

    /// <summary>Bleeds through the parent's padding.</summary>
    public bool? Bleed { get; init; }

    /// <summary>Minimum height, e.g. <c>"50px"</c>.</summary>
    public string? MinHeight { get; init; }

    /// <summary>Vertical alignment of the items.</summary>
    public AdaptiveVerticalContentAlignment? VerticalContentAlignment { get; init; }

    /// <summary>Action run when the container is tapped (not Action.ShowCard).</summary>
    public AdaptiveAction? SelectAction { get; init; }
}

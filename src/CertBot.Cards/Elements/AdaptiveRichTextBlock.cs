namespace CertBot.Cards;

/// <summary>Text made of runs; runs are not markdown-processed, so this is the safe home for untrusted text.</summary>
public sealed record AdaptiveRichTextBlock : AdaptiveElement
{
    /// <summary>The runs, in order.</summary>
    public IList<AdaptiveTextRun> Inlines { get => field ??= []; init; }

    /// <summary>Horizontal alignment.</summary>
    public AdaptiveHorizontalAlignment? HorizontalAlignment { get; init; }
}

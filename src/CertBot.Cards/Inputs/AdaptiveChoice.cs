namespace CertBot.Cards;

/// <summary>One option of an Input.ChoiceSet.</summary>
public sealed record AdaptiveChoice
{
    /// <summary>Text shown.</summary>
    public required string Title { get; init; }

    /// <summary>Value submitted; avoid commas (multi-select joins values with them).</summary>
    public required string Value { get; init; }
}

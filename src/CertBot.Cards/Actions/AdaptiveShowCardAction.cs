namespace CertBot.Cards;

/// <summary><c>Action.ShowCard</c>: expands a nested card; its inputs are not submitted by parent buttons.</summary>
public sealed record AdaptiveShowCardAction : AdaptiveAction
{
    /// <summary>The card to show.</summary>
    public required AdaptiveCard Card { get; init; }
}

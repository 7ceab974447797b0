namespace CertBot.Cards;

/// <summary>The account a card mention points at (29: id, Entra object id or UPN).</summary>
public sealed record MsTeamsMentioned
{
    /// <summary>Account id.</summary>
    public required string Id { get; init; }

    /// <summary>Display name.</summary>
    public required string Name { get; init; }
}

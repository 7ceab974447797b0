namespace CertBot.Cards;

/// <summary>One name/value pair of a FactSet.</summary>
public sealed record AdaptiveFact
{
    /// <summary>The name side.</summary>
    public required string Title { get; init; }

    /// <summary>The value side.</summary>
    public required string Value { get; init; }
}

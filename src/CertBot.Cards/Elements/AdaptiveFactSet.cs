namespace CertBot.Cards;

/// <summary>Name/value pairs shown as a two-column list; Teams applies markdown to both sides.</summary>
public sealed record AdaptiveFactSet : AdaptiveElement
{
    /// <summary>The facts, in order.</summary>
    public IList<AdaptiveFact> Facts { get => field ??= []; init; }
}

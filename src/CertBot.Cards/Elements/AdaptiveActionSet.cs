namespace CertBot.Cards;

/// <summary>Actions placed inside the body (1.2); wrap Action.Execute here for older clients.</summary>
public sealed record AdaptiveActionSet : AdaptiveElement
{
    /// <summary>The actions.</summary>
    public IList<AdaptiveAction> Actions { get => field ??= []; init; }
}

namespace CertBot.Cards;

/// <summary><c>Action.ToggleVisibility</c>: shows, hides or toggles elements by id (1.2).</summary>
public sealed record AdaptiveToggleVisibilityAction : AdaptiveAction
{
    /// <summary>The elements affected.</summary>
    public IList<AdaptiveTargetElement> TargetElements { get => field ??= []; init; }
}

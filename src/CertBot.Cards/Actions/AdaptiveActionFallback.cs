using System.Text.Json.Serialization;
using CertBot.Cards.Serialization;

namespace CertBot.Cards;

/// <summary>An action's <c>fallback</c>: another action (e.g. Action.Submit for Action.Execute), or <c>"drop"</c>.</summary>
[JsonConverter(typeof(AdaptiveActionFallbackJsonConverter))]
public sealed record AdaptiveActionFallback
{
    private AdaptiveActionFallback(AdaptiveAction? action) => Action = action;

    /// <summary>The fallback <c>"drop"</c>.</summary>
    public static AdaptiveActionFallback Drop { get; } = new((AdaptiveAction?)null);

    /// <summary>The replacement action, or null for <c>"drop"</c>.</summary>
    public AdaptiveAction? Action { get; }

    /// <summary>True for <c>"drop"</c>.</summary>
    public bool IsDrop => Action is null;

    /// <summary>Falls back to <paramref name="action"/>.</summary>
    public static AdaptiveActionFallback To(AdaptiveAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return new AdaptiveActionFallback(action);
    }
}

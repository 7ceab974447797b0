using System.Text.Json.Serialization;
using CertBot.Cards.Serialization;

namespace CertBot.Cards;

/// <summary>An element's <c>fallback</c>: another element, or <c>"drop"</c> to remove it on old clients.</summary>
[JsonConverter(typeof(AdaptiveElementFallbackJsonConverter))]
public sealed record AdaptiveElementFallback
{
    private AdaptiveElementFallback(AdaptiveElement? element) => Element = element;

    /// <summary>The fallback <c>"drop"</c>.</summary>
    public static AdaptiveElementFallback Drop { get; } = new((AdaptiveElement?)null);

    /// <summary>The replacement element, or null for <c>"drop"</c>.</summary>
    public AdaptiveElement? Element { get; }

    /// <summary>True for <c>"drop"</c>.</summary>
    public bool IsDrop => Element is null;

    /// <summary>Falls back to <paramref name="element"/>.</summary>
    public static AdaptiveElementFallback To(AdaptiveElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        return new AdaptiveElementFallback(element);
    }
}

namespace CertBot.Cards.Serialization;

/// <summary>JSON shape of <see cref="AdaptiveElementFallback"/>.</summary>
internal sealed class AdaptiveElementFallbackJsonConverter : FallbackJsonConverter<AdaptiveElementFallback, AdaptiveElement>
{
    protected override AdaptiveElementFallback Drop => AdaptiveElementFallback.Drop;

    protected override AdaptiveElementFallback Wrap(AdaptiveElement content) => AdaptiveElementFallback.To(content);

    protected override AdaptiveElement? Unwrap(AdaptiveElementFallback fallback) => fallback.Element;
}

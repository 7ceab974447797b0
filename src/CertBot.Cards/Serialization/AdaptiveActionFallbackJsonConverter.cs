namespace CertBot.Cards.Serialization;

/// <summary>JSON shape of <see cref="AdaptiveActionFallback"/>.</summary>
internal sealed class AdaptiveActionFallbackJsonConverter : FallbackJsonConverter<AdaptiveActionFallback, AdaptiveAction>
{
    protected override AdaptiveActionFallback Drop => AdaptiveActionFallback.Drop;

    protected override AdaptiveActionFallback Wrap(AdaptiveAction content) => AdaptiveActionFallback.To(content);

    protected override AdaptiveAction? Unwrap(AdaptiveActionFallback fallback) => fallback.Action;
}

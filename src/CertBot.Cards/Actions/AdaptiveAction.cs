using System.Text.Json.Serialization;

namespace CertBot.Cards;

/// <summary>Base of every action; the JSON <c>type</c> discriminator selects the concrete record.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(AdaptiveSubmitAction), "Action.Submit")]
[JsonDerivedType(typeof(AdaptiveOpenUrlAction), "Action.OpenUrl")]
[JsonDerivedType(typeof(AdaptiveShowCardAction), "Action.ShowCard")]
[JsonDerivedType(typeof(AdaptiveToggleVisibilityAction), "Action.ToggleVisibility")]
[JsonDerivedType(typeof(AdaptiveExecuteAction), "Action.Execute")]
public abstract record AdaptiveAction
{
    /// <summary>Button label.</summary>
    public string? Title { get; init; }

    /// <summary>Unique id within the card.</summary>
    public string? Id { get; init; }

    /// <summary>Icon shown next to the title; HTTPS only.</summary>
    public Uri? IconUrl
    {
        get;
        init => field = value is null ? null : CardUrl.RequireHttps(value, nameof(IconUrl));
    }

    /// <summary>Hover text, also read by screen readers (1.5).</summary>
    public string? Tooltip { get; init; }

    /// <summary>False greys the button out (1.5).</summary>
    public bool? IsEnabled { get; init; }

    /// <summary>primary (button) or secondary (overflow menu) (1.5).</summary>
    public AdaptiveActionMode? Mode { get; init; }

    /// <summary>What a client that cannot run this action shows instead.</summary>
    public AdaptiveActionFallback? Fallback { get; init; }
}

using System.Text.Json.Serialization;

namespace CertBot.Cards;

/// <summary>Base of every body element; the JSON <c>type</c> discriminator selects the concrete record.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(AdaptiveTextBlock), "TextBlock")]
[JsonDerivedType(typeof(AdaptiveRichTextBlock), "RichTextBlock")]
[JsonDerivedType(typeof(AdaptiveFactSet), "FactSet")]
[JsonDerivedType(typeof(AdaptiveColumnSet), "ColumnSet")]
[JsonDerivedType(typeof(AdaptiveContainer), "Container")]
[JsonDerivedType(typeof(AdaptiveTable), "Table")]
[JsonDerivedType(typeof(AdaptiveImage), "Image")]
[JsonDerivedType(typeof(AdaptiveActionSet), "ActionSet")]
[JsonDerivedType(typeof(AdaptiveTextInput), "Input.Text")]
[JsonDerivedType(typeof(AdaptiveChoiceSetInput), "Input.ChoiceSet")]
public abstract record AdaptiveElement
{
    /// <summary>Unique id within the card (needed for inputs and toggle-visibility targets).</summary>
    public string? Id { get; init; }

    /// <summary>Spacing above the element.</summary>
    public AdaptiveSpacing? Spacing { get; init; }

    /// <summary>Draws a line above the element.</summary>
    public bool? Separator { get; init; }

    /// <summary>False hides the element until an Action.ToggleVisibility shows it.</summary>
    public bool? IsVisible { get; init; }

    /// <summary>Height of the element.</summary>
    public AdaptiveHeight? Height { get; init; }

    /// <summary>What a client that cannot render this element shows instead.</summary>
    public AdaptiveElementFallback? Fallback { get; init; }
}

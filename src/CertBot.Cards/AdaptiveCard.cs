using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace CertBot.Cards;

/// <summary>The root of an Adaptive Card (schema 1.5, the highest version Teams renders).</summary>
public sealed record AdaptiveCard
{
    /// <summary>The schema URL written as <c>$schema</c>.</summary>
    public const string SchemaUrl = "http://adaptivecards.io/schemas/adaptive-card.json";

    /// <summary>The card version this model targets.</summary>
    public const string CurrentVersion = "1.5";

    /// <summary>Always <c>AdaptiveCard</c>.</summary>
    [JsonPropertyOrder(-3)]
    public string Type { get; } = "AdaptiveCard";

    /// <summary>Schema URL, serialized as <c>$schema</c>.</summary>
    [JsonPropertyName("$schema")]
    [JsonPropertyOrder(-2)]
    public string? Schema { get; init; } = SchemaUrl;

    /// <summary>Card version; Teams supports up to 1.5. Null or absent means <see cref="CurrentVersion"/>.</summary>
    [JsonPropertyOrder(-1)]
    [AllowNull]
    public string Version { get => field ?? CurrentVersion; init; }

    /// <summary>Elements of the primary card region.</summary>
    // Source-generated deserialization passes null for absent init-only properties, overriding initialisers;
    // the "field ??= []" getters (used on every list in the model) keep lists non-null regardless.
    public IList<AdaptiveElement> Body { get => field ??= []; init; }

    /// <summary>Actions shown in the card's action bar.</summary>
    public IList<AdaptiveAction> Actions { get => field ??= []; init; }

    /// <summary>Text shown by clients that cannot render the card (may contain markdown).</summary>
    public string? FallbackText { get; init; }

    /// <summary>What a screen reader or speech client says for the whole card.</summary>
    public string? Speak { get; init; }

    /// <summary>Two-letter ISO-639-1 language of the card.</summary>
    public string? Lang { get; init; }

    /// <summary>Minimum height, e.g. <c>"50px"</c>.</summary>
    public string? MinHeight { get; init; }

    /// <summary>Vertical alignment of the body when the card is taller than its content.</summary>
    public AdaptiveVerticalContentAlignment? VerticalContentAlignment { get; init; }

    /// <summary>Teams extension on the card root: full width and mention entities.</summary>
    [JsonPropertyName("msteams")]
    public MsTeamsCardProperties? MsTeams { get; init; }
}

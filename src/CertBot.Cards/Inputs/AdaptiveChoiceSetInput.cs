using System.Text.Json.Serialization;

namespace CertBot.Cards;

/// <summary>A pick list (<c>Input.ChoiceSet</c>); multi-select values are submitted comma-separated.</summary>
public sealed record AdaptiveChoiceSetInput : AdaptiveElement
{
    /// <summary>Key of the submitted value; required for inputs.</summary>
    [JsonPropertyOrder(-1)]
    public new required string Id
    {
        get => base.Id!;
        init => base.Id = value;
    }

    /// <summary>Label shown above the list (1.3).</summary>
    public string? Label { get; init; }

    /// <summary>The options.</summary>
    public IList<AdaptiveChoice> Choices { get => field ??= []; init; }

    /// <summary>compact (drop-down), expanded (radio/check boxes) or filtered (typeahead, 1.5).</summary>
    public AdaptiveChoiceInputStyle? Style { get; init; }

    /// <summary>Allows several choices.</summary>
    public bool? IsMultiSelect { get; init; }

    /// <summary>Initially selected value(s), comma-separated for multi-select.</summary>
    public string? Value { get; init; }

    /// <summary>Blocks submit while nothing is chosen (1.3).</summary>
    public bool? IsRequired { get; init; }

    /// <summary>Shown when validation fails (1.3).</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>Hint shown while nothing is chosen (compact style).</summary>
    public string? Placeholder { get; init; }

    /// <summary>Wraps long choice titles.</summary>
    public bool? Wrap { get; init; }
}

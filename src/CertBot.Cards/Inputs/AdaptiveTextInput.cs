using System.Text.Json.Serialization;

namespace CertBot.Cards;

/// <summary>A text box (<c>Input.Text</c>); its value is submitted under <see cref="Id"/>.</summary>
public sealed record AdaptiveTextInput : AdaptiveElement
{
    /// <summary>Key of the submitted value; required for inputs.</summary>
    [JsonPropertyOrder(-1)]
    public new required string Id
    {
        get => base.Id!;
        init => base.Id = value;
    }

    /// <summary>Label shown above the box (1.3).</summary>
    public string? Label { get; init; }

    /// <summary>Hint shown while empty.</summary>
    public string? Placeholder { get; init; }

    /// <summary>Allows several lines.</summary>
    public bool? IsMultiline { get; init; }

    /// <summary>Maximum number of characters.</summary>
    public int? MaxLength { get; init; }

    /// <summary>Style hint; <c>password</c> masks client-side only.</summary>
    public AdaptiveTextInputStyle? Style { get; init; }

    /// <summary>Blocks submit while empty (1.3).</summary>
    public bool? IsRequired { get; init; }

    /// <summary>Shown when validation fails (1.3).</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>Pattern the value must match (1.3).</summary>
    public string? Regex { get; init; }

    /// <summary>Initial value.</summary>
    public string? Value { get; init; }
}

using System.Text.Json.Serialization;
using CertBot.Cards.Serialization;

namespace CertBot.Cards;

/// <summary>A toggle target: written as the bare id when <see cref="IsVisible"/> is null (toggle), else as an object.</summary>
[JsonConverter(typeof(AdaptiveTargetElementJsonConverter))]
public sealed record AdaptiveTargetElement
{
    /// <summary>Id of the element to toggle.</summary>
    public required string ElementId { get; init; }

    /// <summary>True always shows, false always hides, null toggles.</summary>
    public bool? IsVisible { get; init; }
}

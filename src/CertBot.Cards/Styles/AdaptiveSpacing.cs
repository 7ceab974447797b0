using System.Text.Json.Serialization;
using CertBot.Cards.Serialization;

namespace CertBot.Cards;

/// <summary>Spacing between an element and the one before it.</summary>
[JsonConverter(typeof(CardEnumJsonConverter<AdaptiveSpacing>))]
public enum AdaptiveSpacing
{
    Default,
    None,
    Small,
    Medium,
    Large,
    ExtraLarge,
    Padding,
}

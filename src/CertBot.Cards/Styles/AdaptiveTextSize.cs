using System.Text.Json.Serialization;
using CertBot.Cards.Serialization;

namespace CertBot.Cards;

/// <summary>Font size of text.</summary>
[JsonConverter(typeof(CardEnumJsonConverter<AdaptiveTextSize>))]
public enum AdaptiveTextSize
{
    Default,
    Small,
    Medium,
    Large,
    ExtraLarge,
}

using System.Text.Json.Serialization;
using CertBot.Cards.Serialization;

namespace CertBot.Cards;

/// <summary>Colour of text.</summary>
[JsonConverter(typeof(CardEnumJsonConverter<AdaptiveTextColor>))]
public enum AdaptiveTextColor
{
    Default,
    Dark,
    Light,
    Accent,
    Good,
    Warning,
    Attention,
}

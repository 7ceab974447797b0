using System.Text.Json.Serialization;
using CertBot.Cards.Serialization;

namespace CertBot.Cards;

/// <summary>Font family of text.</summary>
[JsonConverter(typeof(CardEnumJsonConverter<AdaptiveFontType>))]
public enum AdaptiveFontType
{
    Default,
    Monospace,
}

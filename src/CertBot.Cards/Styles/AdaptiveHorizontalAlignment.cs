using System.Text.Json.Serialization;
using CertBot.Cards.Serialization;

namespace CertBot.Cards;

/// <summary>Horizontal alignment of content.</summary>
[JsonConverter(typeof(CardEnumJsonConverter<AdaptiveHorizontalAlignment>))]
public enum AdaptiveHorizontalAlignment
{
    Left,
    Center,
    Right,
}

using System.Text.Json.Serialization;
using CertBot.Cards.Serialization;

namespace CertBot.Cards;

/// <summary>Height of a block element.</summary>
[JsonConverter(typeof(CardEnumJsonConverter<AdaptiveHeight>))]
public enum AdaptiveHeight
{
    Auto,
    Stretch,
}

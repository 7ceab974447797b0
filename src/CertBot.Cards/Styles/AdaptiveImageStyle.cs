using System.Text.Json.Serialization;
using CertBot.Cards.Serialization;

namespace CertBot.Cards;

/// <summary>How an image is displayed.</summary>
[JsonConverter(typeof(CardEnumJsonConverter<AdaptiveImageStyle>))]
public enum AdaptiveImageStyle
{
    Default,
    Person,
}

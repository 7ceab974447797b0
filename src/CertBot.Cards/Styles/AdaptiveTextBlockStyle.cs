using System.Text.Json.Serialization;
using CertBot.Cards.Serialization;

namespace CertBot.Cards;

/// <summary>Accessibility style of a TextBlock.</summary>
[JsonConverter(typeof(CardEnumJsonConverter<AdaptiveTextBlockStyle>))]
public enum AdaptiveTextBlockStyle
{
    Default,
    Heading,
}

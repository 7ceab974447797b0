using System.Text.Json.Serialization;
using CertBot.Cards.Serialization;

namespace CertBot.Cards;

/// <summary>Style hint of a container, column, table or cell.</summary>
[JsonConverter(typeof(CardEnumJsonConverter<AdaptiveContainerStyle>))]
public enum AdaptiveContainerStyle
{
    Default,
    Emphasis,
    Good,
    Attention,
    Warning,
    Accent,
}

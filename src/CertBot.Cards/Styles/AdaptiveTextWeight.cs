using System.Text.Json.Serialization;
using CertBot.Cards.Serialization;

namespace CertBot.Cards;

/// <summary>Font weight of text.</summary>
[JsonConverter(typeof(CardEnumJsonConverter<AdaptiveTextWeight>))]
public enum AdaptiveTextWeight
{
    Default,
    Lighter,
    Bolder,
}

using System.Text.Json.Serialization;
using CertBot.Cards.Serialization;

namespace CertBot.Cards;

/// <summary>Vertical alignment of content inside a container.</summary>
[JsonConverter(typeof(CardEnumJsonConverter<AdaptiveVerticalContentAlignment>))]
public enum AdaptiveVerticalContentAlignment
{
    Top,
    Center,
    Bottom,
}

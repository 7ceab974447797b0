using System.Text.Json.Serialization;
using CertBot.Cards.Serialization;

namespace CertBot.Cards;

/// <summary>Presentation of an Input.ChoiceSet (filtered is the 1.5 typeahead).</summary>
[JsonConverter(typeof(CardEnumJsonConverter<AdaptiveChoiceInputStyle>))]
public enum AdaptiveChoiceInputStyle
{
    Compact,
    Expanded,
    Filtered,
}

using System.Text.Json.Serialization;
using CertBot.Cards.Serialization;

namespace CertBot.Cards;

/// <summary>Which inputs an action submits.</summary>
[JsonConverter(typeof(CardEnumJsonConverter<AdaptiveAssociatedInputs>))]
public enum AdaptiveAssociatedInputs
{
    Auto,
    None,
}

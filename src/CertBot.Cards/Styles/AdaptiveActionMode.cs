using System.Text.Json.Serialization;
using CertBot.Cards.Serialization;

namespace CertBot.Cards;

/// <summary>Whether an action is a button or sits in the overflow menu.</summary>
[JsonConverter(typeof(CardEnumJsonConverter<AdaptiveActionMode>))]
public enum AdaptiveActionMode
{
    Primary,
    Secondary,
}

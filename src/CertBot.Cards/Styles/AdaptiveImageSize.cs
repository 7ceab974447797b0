using System.Text.Json.Serialization;
using CertBot.Cards.Serialization;

namespace CertBot.Cards;

/// <summary>Approximate size of an image.</summary>
[JsonConverter(typeof(CardEnumJsonConverter<AdaptiveImageSize>))]
public enum AdaptiveImageSize
{
    Auto,
    Stretch,
    Small,
    Medium,
    Large,
}

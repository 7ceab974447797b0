using System.Text.Json.Serialization;
using CertBot.Cards.Serialization;

namespace CertBot.Cards;

/// <summary>Style hint of an Input.Text (password is masked client-side only).</summary>
[JsonConverter(typeof(CardEnumJsonConverter<AdaptiveTextInputStyle>))]
public enum AdaptiveTextInputStyle
{
    Text,
    Tel,
    Url,
    Email,
    Password,
}

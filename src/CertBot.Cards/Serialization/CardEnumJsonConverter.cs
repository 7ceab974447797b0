using System.Text.Json;
using System.Text.Json.Serialization;

namespace CertBot.Cards.Serialization;

/// <summary>Writes card enums in the official camelCase and reads them case-insensitively (old samples say "Bolder").</summary>
internal sealed class CardEnumJsonConverter<TEnum> : JsonStringEnumConverter<TEnum>
    where TEnum : struct, Enum
{
    public CardEnumJsonConverter()
        : base(JsonNamingPolicy.CamelCase, allowIntegerValues: false)
    {
    }
}

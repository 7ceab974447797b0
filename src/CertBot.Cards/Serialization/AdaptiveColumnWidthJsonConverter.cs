using System.Text.Json;
using System.Text.Json.Serialization;

namespace CertBot.Cards.Serialization;

/// <summary>Writes a weight as a JSON number and every other width as a string.</summary>
internal sealed class AdaptiveColumnWidthJsonConverter : JsonConverter<AdaptiveColumnWidth>
{
    public override AdaptiveColumnWidth Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        try
        {
            return reader.TokenType switch
            {
                JsonTokenType.Number when reader.TryGetInt32(out var weight) => AdaptiveColumnWidth.Weighted(weight),
                JsonTokenType.String => AdaptiveColumnWidth.Parse(reader.GetString()!),
                _ => throw new JsonException("A column width must be a positive whole number or a string."),
            };
        }
        catch (Exception ex) when (ex is FormatException or ArgumentOutOfRangeException)
        {
            throw new JsonException(ex.Message, ex);
        }
    }

    public override void Write(Utf8JsonWriter writer, AdaptiveColumnWidth value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value.Keyword is null && value.Pixels == 0)
        {
            writer.WriteNumberValue(value.Weight);
        }
        else
        {
            writer.WriteStringValue(value.ToString());
        }
    }
}

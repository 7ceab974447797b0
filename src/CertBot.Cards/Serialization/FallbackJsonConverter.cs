using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace CertBot.Cards.Serialization;

/// <summary>Reads and writes a <c>fallback</c> value: the string <c>"drop"</c> or a nested element/action.</summary>
internal abstract class FallbackJsonConverter<TFallback, TContent> : JsonConverter<TFallback>
    where TFallback : class
    where TContent : class
{
    private const string DropValue = "drop";

    protected abstract TFallback Drop { get; }

    protected abstract TFallback Wrap(TContent content);

    protected abstract TContent? Unwrap(TFallback fallback);

    public override TFallback? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return string.Equals(reader.GetString(), DropValue, StringComparison.OrdinalIgnoreCase)
                ? Drop
                : throw new JsonException($"A string fallback must be \"{DropValue}\".");
        }

        var content = JsonSerializer.Deserialize(ref reader, ContentTypeInfo(options))
            ?? throw new JsonException("A fallback must be \"drop\" or an object.");
        return Wrap(content);
    }

    public override void Write(Utf8JsonWriter writer, TFallback value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        var content = Unwrap(value);
        if (content is null)
        {
            writer.WriteStringValue(DropValue);
            return;
        }

        JsonSerializer.Serialize(writer, content, ContentTypeInfo(options));
    }

    private static JsonTypeInfo<TContent> ContentTypeInfo(JsonSerializerOptions options) =>
        (JsonTypeInfo<TContent>)options.GetTypeInfo(typeof(TContent));
}

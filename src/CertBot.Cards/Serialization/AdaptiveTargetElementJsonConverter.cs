using System.Text.Json;
using System.Text.Json.Serialization;

namespace CertBot.Cards.Serialization;

/// <summary>Reads a toggle target from an id string or an <c>{elementId, isVisible}</c> object.</summary>
internal sealed class AdaptiveTargetElementJsonConverter : JsonConverter<AdaptiveTargetElement>
{
    public override AdaptiveTargetElement? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return new AdaptiveTargetElement { ElementId = reader.GetString()! };
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A target element must be an id string or an object.");
        }

        string? elementId = null;
        bool? isVisible = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "elementId":
                    elementId = reader.GetString();
                    break;
                case "isVisible":
                    isVisible = reader.TokenType == JsonTokenType.Null ? null : reader.GetBoolean();
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return new AdaptiveTargetElement
        {
            ElementId = elementId ?? throw new JsonException("A target element object needs elementId."),
            IsVisible = isVisible,
        };
    }

    public override void Write(Utf8JsonWriter writer, AdaptiveTargetElement value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        if (value.IsVisible is not { } visible)
        {
            writer.WriteStringValue(value.ElementId);
            return;
        }

        writer.WriteStartObject();
        writer.WriteString("elementId", value.ElementId);
        writer.WriteBoolean("isVisible", visible);
        writer.WriteEndObject();
    }
}

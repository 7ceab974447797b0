using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CertBot.Protocol.Serialization;

/// <summary>
/// Writes a <see cref="JsonElement"/> by copying its JSON as it is held, where the built-in converter walks the
/// document and encodes every property name and string again. Used for attachment content: a card is already JSON
/// written by this process with the default encoder (the same one every wire context uses), so the copy is the bytes
/// re-encoding would produce, and the card is written twice per turn (measured against the size limit, then into the
/// response or the outbox). Content read from elsewhere keeps its own escaping (still valid JSON; it is not re-encoded).
/// </summary>
internal sealed class RawJsonElementConverter : JsonConverter<JsonElement>
{
    public override JsonElement Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonElement.ParseValue(ref reader);

    public override void Write(Utf8JsonWriter writer, JsonElement value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        // An element always holds one complete, valid JSON value; validating it again would cost as much as the walk.
        writer.WriteRawValue(JsonMarshal.GetRawUtf8Value(value), skipInputValidation: true);
    }
}

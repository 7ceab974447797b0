using System.Text.Json;

namespace CertBot.Cards;

/// <summary>Builds the <c>data</c> JSON of Action.Submit / Action.Execute without reflection.</summary>
public static class CardData
{
    /// <summary>A flat JSON object of string properties, in the given order.</summary>
    public static JsonElement FromPairs(IEnumerable<KeyValuePair<string, string>> properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in properties)
            {
                writer.WriteString(name, value);
            }

            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.ToArray());
        return document.RootElement.Clone();
    }

    /// <summary>Parses hand-written JSON; it must be an object or a string (what the schema allows for data).</summary>
    public static JsonElement Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind is not (JsonValueKind.Object or JsonValueKind.String))
        {
            throw new ArgumentException("Action data must be a JSON object or string.", nameof(json));
        }

        return root.Clone();
    }
}

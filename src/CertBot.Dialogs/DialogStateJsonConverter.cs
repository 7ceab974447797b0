using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CertBot.Dialogs;

/// <summary>Persists <see cref="DialogState"/> as <see cref="DialogJsonContext"/> writes it (string enums) and reads older documents too.</summary>
/// <remarks>
/// Put it on the host's property (<c>[JsonConverter(typeof(DialogStateJsonConverter))]</c>). States stored before the string-enum
/// format have a numeric <c>status</c> (0 Idle, 1 Active, 2 Complete): they are migrated on read. A document that is not a valid
/// state (wrong types, unknown status, missing values) reads as null, which the host treats as Idle, instead of failing the turn.
/// </remarks>
public sealed class DialogStateJsonConverter : JsonConverter<DialogState>
{
    /// <summary>Reads a stored state, or null when the text is not a valid state document (including malformed JSON).</summary>
    public static DialogState? Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return FromElement(document.RootElement);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public override DialogState? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return FromElement(document.RootElement);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DialogState value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, DialogJsonContext.Default.DialogState);

    private static DialogState? FromElement(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object
            || !TryGet(root, "status", out var statusElement)
            || ReadStatus(statusElement) is not { } status
            || !TryGet(root, "values", out var valuesElement)
            || valuesElement.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in valuesElement.EnumerateObject())
        {
            var value = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.Number => property.Value.GetDouble().ToString(CultureInfo.InvariantCulture),
                _ => null,
            };
            if (value is null)
            {
                return null;
            }

            values[property.Name] = value;
        }

        string? pendingSlot = null;
        if (TryGet(root, "pendingSlot", out var pending) && pending.ValueKind != JsonValueKind.Null)
        {
            if (pending.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            pendingSlot = pending.GetString();
        }

        var attempts = 0;
        if (TryGet(root, "attempts", out var attemptsElement)
            && (attemptsElement.ValueKind != JsonValueKind.Number || !attemptsElement.TryGetInt32(out attempts) || attempts < 0))
        {
            return null;
        }

        var gaveUp = new List<string>();
        if (TryGet(root, "gaveUp", out var gaveUpElement) && gaveUpElement.ValueKind != JsonValueKind.Null)
        {
            if (gaveUpElement.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            foreach (var item in gaveUpElement.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.String)
                {
                    return null;
                }

                gaveUp.Add(item.GetString()!);
            }
        }

        return new DialogState(status, pendingSlot, values, attempts, gaveUp);
    }

    private static DialogStatus? ReadStatus(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Number when element.TryGetInt32(out var number) && Enum.IsDefined((DialogStatus)number):
                return (DialogStatus)number;
            case JsonValueKind.String when Enum.TryParse<DialogStatus>(element.GetString(), ignoreCase: true, out var named)
                                          && Enum.IsDefined(named)
                                          && !int.TryParse(element.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out _):
                return named;
            default:
                return null;
        }
    }

    /// <summary>Property names as the camel-case context writes them, or as an older PascalCase writer did.</summary>
    private static bool TryGet(JsonElement root, string name, out JsonElement value)
    {
        if (root.TryGetProperty(name, out value))
        {
            return true;
        }

        var pascal = char.ToUpperInvariant(name[0]) + name[1..];
        return root.TryGetProperty(pascal, out value);
    }
}

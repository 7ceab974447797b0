using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace CertBot.Cards;

/// <summary>Turns cards into the JSON Teams expects (and back), using source-generated metadata only.</summary>
public static class AdaptiveCardSerializer
{
    /// <summary>The attachment content type of an Adaptive Card.</summary>
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    private static readonly JsonTypeInfo<AdaptiveCard> CardTypeInfo = CreateCardTypeInfo();

    /// <summary>Compact JSON of <paramref name="card"/>.</summary>
    /// <summary>Builds the serialization contract now (it takes longer than any card), so the first card sent does not wait for it.</summary>
    public static void Warm() => _ = SerializeToUtf8Bytes(new AdaptiveCard());

    public static string Serialize(AdaptiveCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return JsonSerializer.Serialize(card, CardTypeInfo);
    }

    /// <summary>UTF-8 JSON of <paramref name="card"/>.</summary>
    public static byte[] SerializeToUtf8Bytes(AdaptiveCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return JsonSerializer.SerializeToUtf8Bytes(card, CardTypeInfo);
    }

    /// <summary>The card as a <see cref="JsonElement"/>, ready for an attachment's <c>content</c>.</summary>
    public static JsonElement SerializeToElement(AdaptiveCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return JsonSerializer.SerializeToElement(card, CardTypeInfo);
    }

    /// <summary>Reads card JSON; throws <see cref="JsonException"/> for malformed JSON or unknown element/action types.</summary>
    public static AdaptiveCard Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return JsonSerializer.Deserialize(json, CardTypeInfo)
                ?? throw new JsonException("The JSON is null, not a card.");
        }
        catch (Exception ex) when (ex is NotSupportedException or ArgumentException)
        {
            // Unknown "type" discriminators and rejected URLs land here; callers should only have to catch JsonException.
            throw new JsonException(ex.Message, ex);
        }
    }

    /// <summary>Reads a card from a <see cref="JsonElement"/> (e.g. an attachment's content).</summary>
    public static AdaptiveCard Deserialize(JsonElement json)
    {
        try
        {
            return json.Deserialize(CardTypeInfo) ?? throw new JsonException("The JSON is null, not a card.");
        }
        catch (Exception ex) when (ex is NotSupportedException or ArgumentException)
        {
            // Unknown "type" discriminators and rejected URLs land here; callers should only have to catch JsonException.
            throw new JsonException(ex.Message, ex);
        }
    }

    private static JsonTypeInfo<AdaptiveCard> CreateCardTypeInfo()
    {
        var options = new JsonSerializerOptions(Serialization.AdaptiveCardJsonContext.Default.Options)
        {
            TypeInfoResolver = Serialization.AdaptiveCardJsonContext.Default.WithAddedModifier(OmitEmptyLists),
        };
        options.MakeReadOnly();
        return (JsonTypeInfo<AdaptiveCard>)options.GetTypeInfo(typeof(AdaptiveCard));
    }

    // The model initialises every list so callers can Add(); empty ones are noise on the wire.
    private static void OmitEmptyLists(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        foreach (var property in typeInfo.Properties)
        {
            var type = property.PropertyType;
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IList<>))
            {
                property.ShouldSerialize = static (_, value) => value is ICollection { Count: > 0 }
                    || (value is IEnumerable items and not ICollection && items.GetEnumerator().MoveNext());
            }
        }
    }
}

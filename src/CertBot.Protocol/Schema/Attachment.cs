using System.Text.Json;
using System.Text.Json.Serialization;
using CertBot.Protocol.Serialization;

namespace CertBot.Protocol.Schema;

/// <summary>A card or file attached to an activity; <see cref="Content"/> stays raw JSON.</summary>
public sealed class Attachment
{
    public string? ContentType { get; set; }
    /// <summary>Written as the JSON it holds (<see cref="RawJsonElementConverter"/>): a card is not encoded again per write.</summary>
    [JsonConverter(typeof(RawJsonElementConverter))]
    public JsonElement? Content { get; set; }
    public string? ContentUrl { get; set; }
    public string? Name { get; set; }
    public string? ThumbnailUrl { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; set; }
}

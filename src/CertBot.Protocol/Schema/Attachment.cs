using System.Text.Json;
using System.Text.Json.Serialization;

namespace CertBot.Protocol.Schema;

/// <summary>A card or file attached to an activity; <see cref="Content"/> stays raw JSON.</summary>
public sealed class Attachment
{
    public string? ContentType { get; set; }
    public JsonElement? Content { get; set; }
    public string? ContentUrl { get; set; }
    public string? Name { get; set; }
    public string? ThumbnailUrl { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; set; }
}

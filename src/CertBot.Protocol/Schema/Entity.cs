using System.Text.Json;
using System.Text.Json.Serialization;

namespace CertBot.Protocol.Schema;

/// <summary>Extra metadata on an activity (<c>mention</c>, <c>clientInfo</c>, …); unknown members are kept.</summary>
public sealed class Entity
{
    public string? Type { get; set; }

    /// <summary>For <c>mention</c> entities: who was mentioned.</summary>
    public ChannelAccount? Mentioned { get; set; }

    /// <summary>For <c>mention</c> entities: the exact text in the activity, e.g. <c>&lt;at&gt;CertBot&lt;/at&gt;</c>.</summary>
    public string? Text { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; set; }
}

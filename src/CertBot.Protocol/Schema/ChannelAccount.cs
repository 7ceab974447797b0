using System.Text.Json;
using System.Text.Json.Serialization;

namespace CertBot.Protocol.Schema;

/// <summary>A user or bot on a channel (Teams users are <c>29:…</c>, bots <c>28:&lt;appId&gt;</c>).</summary>
public sealed class ChannelAccount
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? AadObjectId { get; set; }
    public string? Role { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; set; }
}

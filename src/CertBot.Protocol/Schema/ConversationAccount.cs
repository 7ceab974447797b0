using System.Text.Json;
using System.Text.Json.Serialization;

namespace CertBot.Protocol.Schema;

/// <summary>The conversation an activity belongs to: personal, groupChat or channel in Teams.</summary>
public sealed class ConversationAccount
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public bool? IsGroup { get; set; }
    public string? ConversationType { get; set; }
    public string? TenantId { get; set; }
    public string? AadObjectId { get; set; }
    public string? Role { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; set; }
}

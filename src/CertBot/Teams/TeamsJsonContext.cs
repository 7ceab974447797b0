using System.Text.Json.Serialization;

namespace CertBot.Teams;

/// <summary>channelData for creating a personal conversation in a tenant.</summary>
public sealed record TenantChannelData(TenantInfo Tenant);

/// <summary>A Teams tenant reference.</summary>
public sealed record TenantInfo(string Id);

/// <summary>Source-generated JSON metadata for Teams payloads the host writes and reads.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TenantChannelData))]
[JsonSerializable(typeof(MessagingExtensionQuery))]
[JsonSerializable(typeof(MessagingExtensionResponse))]
[JsonSerializable(typeof(AdaptiveCardInvokeValue))]
[JsonSerializable(typeof(AdaptiveCardInvokeResponse))]
[JsonSerializable(typeof(InvokeError))]
[JsonSerializable(typeof(string))]
internal sealed partial class TeamsJsonContext : JsonSerializerContext;

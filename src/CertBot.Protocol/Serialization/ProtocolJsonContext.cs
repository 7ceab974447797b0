using System.Text.Json;
using System.Text.Json.Serialization;
using CertBot.Protocol.Hosting;
using CertBot.Protocol.Schema;
using CertBot.Protocol.State;

namespace CertBot.Protocol.Serialization;

/// <summary>Source-generated JSON metadata for every wire type, so no request pays for reflection.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    MaxDepth = 128)]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(ExpectedReplies))]
[JsonSerializable(typeof(InvokeResponse))]
[JsonSerializable(typeof(ResourceResponse))]
[JsonSerializable(typeof(ConversationResourceResponse))]
[JsonSerializable(typeof(ConversationParameters))]
[JsonSerializable(typeof(ConversationReference))]
[JsonSerializable(typeof(ProblemDocument))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(StoredConversationReference))]
[JsonSerializable(typeof(DeliveryRecord))]
public sealed partial class ProtocolJsonContext : JsonSerializerContext;

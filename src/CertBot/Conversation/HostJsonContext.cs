using System.Text.Json.Serialization;

namespace CertBot.Conversation;

/// <summary>Source-generated JSON metadata for the host's state documents and card action payloads.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CertBotUserState))]
[JsonSerializable(typeof(CertBotConversationState))]
[JsonSerializable(typeof(CardActionData))]
[JsonSerializable(typeof(SharedProfile))]
internal sealed partial class HostJsonContext : JsonSerializerContext;

using System.Text.Json.Serialization;

namespace CertBot.Curation;

/// <summary>Source-generated JSON metadata for the curator log.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CuratorEvents))]
[JsonSerializable(typeof(CuratorRecord))]
internal sealed partial class CuratorJsonContext : JsonSerializerContext;

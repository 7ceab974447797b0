using System.Text.Json.Serialization;

namespace CertBot.Dialogs;

/// <summary>Source-generated JSON metadata for persisting <see cref="DialogState"/>.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(DialogState))]
public sealed partial class DialogJsonContext : JsonSerializerContext;

using System.Text.Json.Serialization;

namespace CertBot.Dialogs;

/// <summary>Source-generated JSON metadata for persisting <see cref="DialogState"/>.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    // A stored state missing "values" must fail here (JsonException: reset it) rather than as a null later.
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(DialogState))]
public sealed partial class DialogJsonContext : JsonSerializerContext;

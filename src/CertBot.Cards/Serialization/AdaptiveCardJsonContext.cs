using System.Text.Json.Serialization;

namespace CertBot.Cards.Serialization;

/// <summary>Source-generated metadata for the card model (official camelCase shape, nulls omitted).</summary>
// Metadata mode: the fast-path serializers would bypass the empty-list modifier in AdaptiveCardSerializer.
[JsonSourceGenerationOptions(
    GenerationMode = JsonSourceGenerationMode.Metadata,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowOutOfOrderMetadataProperties = true)]
[JsonSerializable(typeof(AdaptiveCard))]
[JsonSerializable(typeof(AdaptiveElement))]
[JsonSerializable(typeof(AdaptiveAction))]
internal sealed partial class AdaptiveCardJsonContext : JsonSerializerContext;

using System.Text.Json;
using System.Text.Json.Serialization;

namespace CertBot.Protocol.Outbox;

/// <summary>
/// The outbox's index: every reply waiting, in the order it was queued, with when it is due. One document, because
/// <see cref="State.IStorage"/> reads by key and cannot list; it is updated with its ETag so instances never lose
/// each other's entries.
/// </summary>
public sealed class OutboxIndex
{
    public List<OutboxEntry> Entries { get; set; } = [];
}

/// <summary>One waiting reply: its id, the conversation it keeps order in, when it is due and how often it was tried.</summary>
public sealed record OutboxEntry(string Id, string Conversation, DateTimeOffset DueAt, int Attempts);

/// <summary>
/// A reply to deliver, or (once <see cref="DeliveredId"/> is set) the record that it was delivered, which stops any
/// other instance from sending it again while the index catches up.
/// </summary>
public sealed record OutboxItem(
    string Id,
    string ServiceUrl,
    string ConversationId,
    string? ReplyToId,
    JsonElement? Activity,
    DateTimeOffset QueuedAt,
    bool ServiceUrlValidated,
    DateTimeOffset? LeaseUntil = null,
    bool Delivered = false,
    string? DeliveredId = null);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(OutboxIndex))]
[JsonSerializable(typeof(OutboxItem))]
internal sealed partial class OutboxJsonContext : JsonSerializerContext;

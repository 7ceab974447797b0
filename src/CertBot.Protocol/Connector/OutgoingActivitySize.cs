using System.Text.Json;
using CertBot.Protocol.Schema;
using CertBot.Protocol.Serialization;

namespace CertBot.Protocol.Connector;

/// <summary>Serializes outgoing activities once and enforces the size Teams accepts.</summary>
internal static class OutgoingActivitySize
{
    public static byte[] SerializeChecked(Activity activity, int limitBytes)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(activity, ProtocolJsonContext.Default.Activity);
        return bytes.Length > limitBytes ? throw new ActivityTooLargeException(bytes.Length, limitBytes) : bytes;
    }

    /// <summary>
    /// Throws <see cref="ActivityTooLargeException"/> when the activity's JSON would exceed the limit, counting its bytes
    /// without keeping them: where the JSON is written later (the expectReplies body, the outbox) or not at all, a copy
    /// of every reply made only to measure it was the largest allocation of a card turn after the card itself.
    /// </summary>
    public static void Check(Activity activity, int limitBytes)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var options = ProtocolJsonContext.Default.Options;
        using var counter = new CountingBufferWriter();
        using (var writer = new Utf8JsonWriter(counter, new JsonWriterOptions { Encoder = options.Encoder, Indented = options.WriteIndented, MaxDepth = options.MaxDepth }))
        {
            JsonSerializer.Serialize(writer, activity, ProtocolJsonContext.Default.Activity);
        }

        if (counter.Count > limitBytes)
        {
            throw new ActivityTooLargeException(counter.Count, limitBytes);
        }
    }
}

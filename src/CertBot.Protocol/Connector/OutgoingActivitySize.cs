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
}

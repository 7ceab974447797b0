using System.Text.Json;

namespace CertBot.Protocol.State;

/// <summary>
/// The store's note that an activity id is being processed (<see cref="DeliveryStates.Running"/>, until
/// <see cref="Expires"/>: a crashed instance's claim lapses) or was processed (<see cref="DeliveryStates.Done"/>,
/// kept for the de-duplication window with what a duplicate must be answered).
/// </summary>
public sealed record DeliveryRecord(string State, DateTimeOffset Expires, int? InvokeStatus = null, JsonElement? InvokeBody = null);

/// <summary>Values of <see cref="DeliveryRecord.State"/>.</summary>
public static class DeliveryStates
{
    public const string Running = "running";
    public const string Done = "done";
}

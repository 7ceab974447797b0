using System.Collections.Frozen;

namespace CertBot.Dialogs;

/// <summary>Everything the dialog knows about one conversation; immutable, persisted by the host as JSON.</summary>
/// <param name="PendingSlot">The slot being asked (Active only).</param>
/// <param name="Values">Slot name to value; numbers as invariant strings ("2.5").</param>
/// <param name="Attempts">Rejected answers to the pending slot so far.</param>
/// <param name="GaveUp">Slots whose value was assumed after the retry limit.</param>
public sealed record DialogState(
    DialogStatus Status,
    string? PendingSlot,
    IReadOnlyDictionary<string, string> Values,
    int Attempts,
    IReadOnlyList<string> GaveUp)
{
    /// <summary>The state before any dialog: nothing known.</summary>
    public static DialogState Idle { get; } = new(
        DialogStatus.Idle,
        null,
        FrozenDictionary<string, string>.Empty,
        0,
        []);

    /// <summary>The value of a slot, or null.</summary>
    public string? ValueOf(string slot) => Values.TryGetValue(slot, out var value) ? value : null;
}

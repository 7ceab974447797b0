namespace CertBot.Dialogs.Extraction;

/// <summary>Slot values found in one piece of free text (slot name to value; numbers as invariant strings).</summary>
/// <param name="MentionedSlots">Slots named without a value ("edit role"), used to re-ask them.</param>
public sealed record SlotExtraction(IReadOnlyDictionary<string, string> Values, IReadOnlyList<string> MentionedSlots)
{
    /// <summary>Nothing found.</summary>
    public static SlotExtraction Empty { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal), []);

    /// <summary>True when no value was found.</summary>
    public bool IsEmpty => Values.Count == 0;

    /// <summary>The value found for a slot, or null.</summary>
    public string? ValueOf(string slot) => Values.TryGetValue(slot, out var value) ? value : null;
}

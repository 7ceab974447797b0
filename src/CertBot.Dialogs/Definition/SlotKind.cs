namespace CertBot.Dialogs.Definition;

/// <summary>What kind of value a slot holds.</summary>
public enum SlotKind
{
    /// <summary>One of a fixed list of choices (buttons).</summary>
    Choice,

    /// <summary>A number within a range, stored as an invariant string.</summary>
    Number,
}

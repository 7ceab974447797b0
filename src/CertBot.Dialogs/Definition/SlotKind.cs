namespace CertBot.Dialogs.Definition;

/// <summary>What kind of value a slot holds.</summary>
public enum SlotKind
{
    /// <summary>One of a fixed list of choices (buttons).</summary>
    Choice,

    /// <summary>A number within a range, stored as an invariant string.</summary>
    Number,

    /// <summary>A length of time in years ("18 months" is 1.5), stored as an invariant string.</summary>
    Duration,
}

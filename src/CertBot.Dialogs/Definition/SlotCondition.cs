namespace CertBot.Dialogs.Definition;

/// <summary>A slot is asked only when another slot's value is one of <see cref="In"/>.</summary>
public sealed record SlotCondition(string Slot, IReadOnlyList<string> In);

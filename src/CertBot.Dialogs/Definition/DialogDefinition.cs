namespace CertBot.Dialogs.Definition;

/// <summary>A declarative slot-filling dialog as loaded from YAML: slots, commands, triggers and all wording.</summary>
public sealed record DialogDefinition(
    string Id,
    IReadOnlyList<SlotDefinition> Slots,
    IReadOnlyDictionary<DialogCommand, IReadOnlyList<string>> Commands,
    IReadOnlyList<string> Triggers,
    IReadOnlyList<string> FillerWords,
    NumberVocabulary Numbers,
    DialogMessages Messages)
{
    /// <summary>Words that open a question ("what", "is"); a question that does not answer the pending slot is left to the host's FAQ.</summary>
    public IReadOnlyList<string> QuestionWords { get; init; } = [];

    /// <summary>The slot with this name, or null.</summary>
    public SlotDefinition? FindSlot(string name) =>
        Slots.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.Ordinal));
}

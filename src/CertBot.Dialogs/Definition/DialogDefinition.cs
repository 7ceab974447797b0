using CertBot.Dialogs.Extraction;

namespace CertBot.Dialogs.Definition;

/// <summary>A declarative slot-filling dialog as loaded from YAML: slots, commands, triggers and all wording.</summary>
public sealed record DialogDefinition(
    string Id,
    IReadOnlyList<SlotDefinition> Slots,
    IReadOnlyDictionary<DialogCommand, IReadOnlyList<string>> Commands,
    IReadOnlyList<string> Triggers,
    IReadOnlyList<string> FillerWords,
    DurationVocabulary Durations,
    DialogMessages Messages)
{
    /// <summary>Words that open a question ("what", "is", "tell me about"); a question is never read as a profile edit.</summary>
    public IReadOnlyList<string> QuestionWords { get; init; } = [];

    /// <summary>Credential and exam names masked before reading facts.</summary>
    public CredentialVocabulary Credentials { get; init; } = CredentialVocabulary.None;

    /// <summary>First-person words ("i", "my", "we", "our"): a clause with one states facts about the person.</summary>
    public IReadOnlyList<string> SelfWords { get; init; } = [];

    /// <summary>Phrases by which the person says what they are or do ("i'm", "i work as", "i build").</summary>
    public IReadOnlyList<string> IdentityCues { get; init; } = [];

    /// <summary>Words that start a new clause ("but", "while"), besides punctuation.</summary>
    public IReadOnlyList<string> ClauseBreakWords { get; init; } = [];

    /// <summary>Openings that propose a value rather than ask ("what about AWS?"): an edit after completion.</summary>
    public IReadOnlyList<string> ProposalCues { get; init; } = [];

    /// <summary>
    /// The Microsoft.Recognizers.Text culture numbers and durations are read with ("en-us", "fr-fr"): the file's
    /// <c>recognizerCulture</c>, which a locale inherits through its fallback chain, English's when none sets it.
    /// </summary>
    public string RecognizerCulture { get; init; } = TextRecognizers.DefaultCulture;

    /// <summary>The slot with this name, or null.</summary>
    public SlotDefinition? FindSlot(string name) =>
        Slots.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.Ordinal));
}

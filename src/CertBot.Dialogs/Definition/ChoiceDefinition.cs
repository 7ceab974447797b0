namespace CertBot.Dialogs.Definition;

/// <summary>One allowed value of a choice slot: wire value, button title, label for acknowledgements, synonyms.</summary>
/// <param name="AnswerOnlySynonyms">Phrases too common to trust in free text; they count only when this slot is being asked.</param>
public sealed record ChoiceDefinition(
    string Value,
    string Title,
    string Label,
    IReadOnlyList<string> Synonyms,
    IReadOnlyList<string> AnswerOnlySynonyms)
{
    /// <summary>Short labelled self-descriptions ("I build websites for a living") for a host's semantic fallback.</summary>
    public IReadOnlyList<string> Prototypes { get; init; } = [];
}

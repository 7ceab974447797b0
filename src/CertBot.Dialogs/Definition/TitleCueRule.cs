namespace CertBot.Dialogs.Definition;

/// <summary>Job titles of a choice slot used as cues for a duration slot: time "as a data scientist" counts, time "as a backend dev" does not.</summary>
/// <param name="Slot">The choice slot whose synonyms are the titles.</param>
/// <param name="Counts">Choices whose titles claim a nearby duration for the slot.</param>
/// <param name="Other">Choices whose titles bind a nearby duration to other work, so it is not the slot's.</param>
public sealed record TitleCueRule(string Slot, IReadOnlyList<string> Counts, IReadOnlyList<string> Other)
{
    /// <summary>Titles of counting choices that still do not count ("data analyst": reporting, not modelling).</summary>
    public IReadOnlyList<string> Except { get; init; } = [];
}

namespace CertBot.Dialogs.Definition;

/// <summary>One question of the dialog: how to ask it, how to recognise answers, and what to do on give-up.</summary>
public sealed record SlotDefinition(
    string Name,
    SlotKind Kind,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<string> Prompts,
    string Reprompt,
    int RetryLimit,
    GiveUpRule GiveUp,
    string Acknowledge,
    IReadOnlyList<ChoiceDefinition> Choices,
    double Min,
    double Max,
    string? Unit,
    IReadOnlyList<string> Cues,
    SlotCondition? AskWhen)
{
    /// <summary>Acknowledgement used when a number slot's value is exactly 1 ("1 year of ML"); null uses <see cref="Acknowledge"/>.</summary>
    public string? AcknowledgeOne { get; init; }

    /// <summary>False for a slot that is never asked: kept when volunteered, settable later, not needed to complete.</summary>
    public bool Required { get; init; } = true;

    /// <summary>Buttons for a number or duration slot, so it can be answered by tapping.</summary>
    public IReadOnlyList<QuickAnswer> QuickAnswers { get; init; } = [];

    /// <summary>Words that bind a nearby number to something else ("10 years in industry"), so it is not this slot's.</summary>
    public IReadOnlyList<string> OtherCues { get; init; } = [];

    /// <summary>Job titles that claim or reject a nearby duration (duration slots).</summary>
    public TitleCueRule? TitleCues { get; init; }

    /// <summary>Words before a choice that make it the one meant when several are named ("targeting Azure").</summary>
    public IReadOnlyList<string> PreferCues { get; init; } = [];

    /// <summary>Words before a choice that make it history when several are named ("used AWS at my old job").</summary>
    public IReadOnlyList<string> PastCues { get; init; } = [];

    /// <summary>The value when several choices are named and none is preferred (cloud: undecided); null takes the first.</summary>
    public string? AmbiguousValue { get; init; }

    /// <summary>Words showing a clause describes someone else ("my manager", "our DS team"); a choice named there is ignored unless the person identifies with it.</summary>
    public IReadOnlyList<string> AboutOthers { get; init; } = [];

    /// <summary>
    /// People's roles that mark a clause as about someone else only after a possessive ("my manager", "our DS team"), so
    /// the same word in the person's own title ("lead data scientist", "tech lead on a team of 8") does not.
    /// </summary>
    public IReadOnlyList<string> OthersAfterPossessive { get; init; } = [];

    /// <summary>The possessives for <see cref="OthersAfterPossessive"/> ("my", "our", "the").</summary>
    public IReadOnlyList<string> Possessives { get; init; } = [];

    /// <summary>The choice with this wire value, or null.</summary>
    public ChoiceDefinition? FindChoice(string value) =>
        Choices.FirstOrDefault(c => string.Equals(c.Value, value, StringComparison.Ordinal));
}

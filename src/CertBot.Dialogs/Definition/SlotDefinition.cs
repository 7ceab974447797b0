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

    /// <summary>The choice with this wire value, or null.</summary>
    public ChoiceDefinition? FindChoice(string value) =>
        Choices.FirstOrDefault(c => string.Equals(c.Value, value, StringComparison.Ordinal));
}

namespace CertBot.Dialogs;

/// <summary>The result of one dialog step: the new state to persist and what to show.</summary>
/// <param name="Messages">Texts to show before the prompt (acknowledgements, help, give-up notes).</param>
/// <param name="Prompt">The question to ask now, or null.</param>
/// <param name="Values">All slot values when the dialog is complete, otherwise null.</param>
public sealed record DialogTurn(
    DialogTurnKind Kind,
    DialogState State,
    IReadOnlyList<string> Messages,
    DialogPrompt? Prompt,
    IReadOnlyDictionary<string, string>? Values);

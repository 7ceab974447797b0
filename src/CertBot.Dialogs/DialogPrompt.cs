namespace CertBot.Dialogs;

/// <summary>A question to show, with its buttons: the choices of a choice slot, the quick answers of a duration slot.</summary>
public sealed record DialogPrompt(string Slot, string Text, IReadOnlyList<DialogChoice> Choices);

namespace CertBot.Dialogs;

/// <summary>A question to show; <see cref="Choices"/> is empty for number slots.</summary>
public sealed record DialogPrompt(string Slot, string Text, IReadOnlyList<DialogChoice> Choices);

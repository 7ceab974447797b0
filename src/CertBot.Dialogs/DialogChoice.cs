namespace CertBot.Dialogs;

/// <summary>A button: the wire value sent back in <see cref="DialogInput.Value"/> and the title shown.</summary>
public sealed record DialogChoice(string Value, string Title);

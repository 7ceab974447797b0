namespace CertBot.Dialogs.Definition;

/// <summary>What the dialog assumes after the retry limit so it always moves on; a null value skips the slot.</summary>
public sealed record GiveUpRule(string? Value, string Message);

namespace CertBot.Dialogs.Definition;

/// <summary>A button for a number or duration slot: the value it sets and its title ("1-2 years" sets 1.5).</summary>
public sealed record QuickAnswer(string Value, string Title);

namespace CertBot.Dialogs;

/// <summary>What the person sent: free text, or a button click carrying a slot and its value.</summary>
public sealed record DialogInput(string? Text, string? Slot = null, string? Value = null)
{
    /// <summary>Free text input.</summary>
    public static DialogInput FromText(string? text) => new(text);

    /// <summary>A choice button click.</summary>
    public static DialogInput FromChoice(string slot, string value) => new(null, slot, value);
}

namespace CertBot.Dialogs;

/// <summary>What the person sent: free text, or a button click carrying a slot and its value.</summary>
public sealed record DialogInput(string? Text, string? Slot = null, string? Value = null)
{
    /// <summary>Slot values the host inferred from the text (e.g. a role from its semantic fallback); used only for slots the lexical reading left empty, and only when the value is a valid choice.</summary>
    public IReadOnlyDictionary<string, string>? Inferred { get; init; }

    /// <summary>Free text input.</summary>
    public static DialogInput FromText(string? text) => new(text);

    /// <summary>Free text input with values the host inferred from it.</summary>
    public static DialogInput FromText(string? text, IReadOnlyDictionary<string, string>? inferred) => new(text) { Inferred = inferred };

    /// <summary>A choice button click (a role, a cloud, or a quick answer such as mlYears "1.5").</summary>
    public static DialogInput FromChoice(string slot, string value) => new(null, slot, value);
}

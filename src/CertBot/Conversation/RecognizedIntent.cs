namespace CertBot.Conversation;

/// <summary>What <see cref="HostIntentRecognizer"/> took a message for: a built-in intent, or a feature by its name.</summary>
public readonly record struct RecognizedIntent(HostIntent Intent, string? Feature = null)
{
    public static RecognizedIntent None => default;
}

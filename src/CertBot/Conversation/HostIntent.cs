namespace CertBot.Conversation;

/// <summary>Features a message can open directly, outside the profile dialog and the FAQ.</summary>
public enum HostIntent
{
    None,
    Compare,
    Ask,
    Greeting,
}

/// <summary>Recognises the phrases in messages.yaml <c>intents</c>: the whole message, or its start.</summary>
public sealed class HostIntentRecognizer(BotMessages messages)
{
    public HostIntent Recognize(string text)
    {
        var normalized = PlainText.Normalize(text);
        if (normalized.Length == 0)
        {
            return HostIntent.None;
        }

        if (Matches(normalized, messages.Intents.Compare, allowPrefix: true))
        {
            return HostIntent.Compare;
        }

        if (Matches(normalized, messages.Intents.Ask, allowPrefix: false))
        {
            return HostIntent.Ask;
        }

        return Matches(normalized, messages.Intents.Greeting, allowPrefix: false) ? HostIntent.Greeting : HostIntent.None;
    }

    private static bool Matches(string normalized, IEnumerable<string> phrases, bool allowPrefix)
    {
        foreach (var phrase in phrases)
        {
            var candidate = PlainText.Normalize(phrase);
            if (normalized == candidate || (allowPrefix && normalized.StartsWith(candidate + " ", StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }
}

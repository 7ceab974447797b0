namespace CertBot.Conversation;

/// <summary>
/// Recognises the phrases in messages.en.yaml <c>intents</c>. Small talk must be the whole message (after filler words),
/// so "thanks, and how much is the exam?" stays a question; feature phrases may also open a longer message.
/// </summary>
public sealed class HostIntentRecognizer
{
    private readonly (HostIntent Intent, bool AllowPrefix, HashSet<string> Phrases)[] _table;
    private readonly HashSet<string> _filler;

    public HostIntentRecognizer(BotMessages messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var intents = messages.Intents;
        _filler = new HashSet<string>(intents.Filler.Select(PlainText.Normalize), StringComparer.Ordinal);
        // Ranked: the first intent whose phrase matches wins.
        _table =
        [
            (HostIntent.Compare, true, Phrases(intents.Compare)),
            (HostIntent.Share, true, Phrases(intents.Share)),
            (HostIntent.Result, true, Phrases(intents.Result)),
            (HostIntent.Help, true, Phrases(intents.Help)),
            (HostIntent.Ask, false, Phrases(intents.Ask)),
            (HostIntent.Greeting, false, Phrases(intents.Greeting)),
            (HostIntent.Thanks, false, Phrases(intents.Thanks)),
            (HostIntent.Bye, false, Phrases(intents.Bye)),
            (HostIntent.Acknowledge, false, Phrases(intents.Acknowledge)),
        ];
    }

    public HostIntent Recognize(string text)
    {
        var key = Key(text);
        if (key.Length == 0)
        {
            return HostIntent.None;
        }

        foreach (var (intent, allowPrefix, phrases) in _table)
        {
            if (phrases.Contains(key) || (allowPrefix && phrases.Any(p => key.StartsWith(p + " ", StringComparison.Ordinal))))
            {
                return intent;
            }
        }

        return HostIntent.None;
    }

    private HashSet<string> Phrases(IEnumerable<string> phrases) =>
        new(phrases.Select(Key).Where(k => k.Length > 0), StringComparer.Ordinal);

    /// <summary>Normalised words without filler; a message of symbols only (an emoji) is its own key.</summary>
    private string Key(string text)
    {
        var words = PlainText.Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !_filler.Contains(w));
        var key = string.Join(' ', words);
        return key.Length > 0 ? key : string.Concat((text ?? "").Where(c => !char.IsWhiteSpace(c) && !char.IsPunctuation(c)));
    }
}

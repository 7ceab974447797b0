using CertBot.Conversation.Features;

namespace CertBot.Conversation;

/// <summary>
/// Recognises the phrases in messages.en.yaml <c>intents</c>: the built-in intents and one key per registered feature.
/// Small talk must be the whole message (after filler words), so "thanks, and how much is the exam?" stays a question;
/// feature phrases may also open a longer message ("compare aws and google").
/// </summary>
public sealed class HostIntentRecognizer
{
    private readonly (HostIntent Intent, string? Feature, bool AllowPrefix, HashSet<string> Phrases)[] _table;
    private readonly HashSet<string> _filler;

    /// <summary>The recognizer of the host's own features (<see cref="CardFeatureEntry.InHost"/>).</summary>
    public HostIntentRecognizer(BotMessages messages)
        : this(messages, CardFeatureEntry.InHost)
    {
    }

    /// <exception cref="InvalidDataException">A built-in intent or a feature has no phrases (names the key), or two share a rank.</exception>
    public HostIntentRecognizer(BotMessages messages, IEnumerable<CardFeatureEntry> features)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(features);
        var intents = messages.Intents;
        _filler = new HashSet<string>(intents.Of("filler").Select(PlainText.Normalize), StringComparer.Ordinal);

        // One ranked table: the first intent whose phrase matches wins. Built-ins carry fixed ranks; each feature's
        // rank (its attribute) slots its phrases among them.
        var ranked = new List<(int Rank, HostIntent Intent, string? Feature, bool AllowPrefix, HashSet<string> Phrases)>
        {
            (200, HostIntent.Share, null, true, Phrases(intents.Of("share"))),
            (300, HostIntent.Result, null, true, Phrases(intents.Of("result"))),
            (500, HostIntent.Ask, null, false, Phrases(intents.Of("ask"))),
            (600, HostIntent.Greeting, null, false, Phrases(intents.Of("greeting"))),
            (700, HostIntent.Thanks, null, false, Phrases(intents.Of("thanks"))),
            (800, HostIntent.Bye, null, false, Phrases(intents.Of("bye"))),
            (900, HostIntent.Acknowledge, null, false, Phrases(intents.Of("acknowledge"))),
        };
        ranked.AddRange(features.Select(f => (f.Rank, HostIntent.Feature, (string?)f.Name, true, Phrases(intents.Of(f.Name)))));
        if (ranked.GroupBy(r => r.Rank).FirstOrDefault(g => g.Count() > 1) is { } tie)
        {
            throw new InvalidDataException($"Intents {string.Join(" and ", tie.Select(r => r.Feature ?? r.Intent.ToString()))} share rank {tie.Key}: give each feature a rank of its own.");
        }

        _table = [.. ranked.OrderBy(r => r.Rank).Select(r => (r.Intent, r.Feature, r.AllowPrefix, r.Phrases))];
    }

    public RecognizedIntent Recognize(string text)
    {
        var key = Key(text);
        if (key.Length == 0)
        {
            return RecognizedIntent.None;
        }

        foreach (var (intent, feature, allowPrefix, phrases) in _table)
        {
            if (phrases.Contains(key) || (allowPrefix && OpensWithPhrase(key, phrases)))
            {
                return new RecognizedIntent(intent, feature);
            }
        }

        return RecognizedIntent.None;
    }

    /// <summary>
    /// True when the key's words up to one of its spaces are a phrase ("compare aws and google" opens with "compare"):
    /// each opening looked up by span, rather than every phrase concatenated with a space and compared.
    /// </summary>
    private static bool OpensWithPhrase(string key, HashSet<string> phrases)
    {
        var lookup = phrases.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var space = key.IndexOf(' ', StringComparison.Ordinal); space > 0; space = key.IndexOf(' ', space + 1))
        {
            if (lookup.Contains(key.AsSpan(0, space)))
            {
                return true;
            }
        }

        return false;
    }

    private HashSet<string> Phrases(IEnumerable<string> phrases) =>
        new(phrases.Select(Key).Where(k => k.Length > 0), StringComparer.Ordinal);

    /// <summary>Normalised words without filler; a message of symbols only (an emoji) is its own key.</summary>
    private string Key(string text)
    {
        var normalized = PlainText.Normalize(text);
        var key = HasFiller(normalized)
            ? string.Join(' ', normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !_filler.Contains(w)))
            : normalized;
        return key.Length > 0 ? key : string.Concat((text ?? "").Where(c => !char.IsWhiteSpace(c) && !char.IsPunctuation(c)));
    }

    /// <summary>True when a word of the normalised text (single spaces between words) is a filler word; most messages have none, and then the text is its own key.</summary>
    private bool HasFiller(string normalized)
    {
        var lookup = _filler.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var word in normalized.AsSpan().Split(' '))
        {
            if (lookup.Contains(normalized.AsSpan(word)))
            {
                return true;
            }
        }

        return false;
    }
}

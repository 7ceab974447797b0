namespace CertBot.Dialogs.Extraction;

/// <summary>
/// The utterances of the texts read most recently, each parsed and credential-masked once. One message is read by
/// several questions in one turn (is it a command, a trigger, a proposal, a question, what facts does it state, what
/// does it answer), and each used to tokenize it and scan every credential name again. A small direct-mapped table:
/// an entry is immutable and replaced whole, so concurrent turns only ever miss (and parse again), never see a torn or
/// another text's entry. Texts longer than <paramref name="maxLength"/> are not remembered (the extractor cuts them).
/// </summary>
/// <param name="maxLength">The longest text remembered.</param>
/// <param name="mask">What the extractor masks in a parsed text (credential names).</param>
internal sealed class RecentUtterances(int maxLength, Func<Utterance, Utterance> mask)
{
    private const int Slots = 64;

    private readonly Entry?[] _entries = new Entry?[Slots];

    /// <summary>The text's words and punctuation, as <see cref="Utterance.Parse"/> gives them.</summary>
    public Utterance Parsed(string? text) => Get(text)?.Parsed ?? Utterance.Parse(text);

    /// <summary>The parsed text with the mask applied; null when the text is too long to be remembered.</summary>
    public Utterance? Masked(string? text) => string.IsNullOrEmpty(text) ? mask(Utterance.Parse(text)) : Get(text)?.Masked;

    private Entry? Get(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length > maxLength)
        {
            return null;
        }

        var slot = (int)((uint)string.GetHashCode(text, StringComparison.Ordinal) % Slots);
        var entry = Volatile.Read(ref _entries[slot]);
        if (entry is not null && string.Equals(entry.Text, text, StringComparison.Ordinal))
        {
            return entry;
        }

        var parsed = Utterance.Parse(text);
        entry = new Entry(text, parsed, mask(parsed));
        Volatile.Write(ref _entries[slot], entry);
        return entry;
    }

    private sealed record Entry(string Text, Utterance Parsed, Utterance Masked);
}

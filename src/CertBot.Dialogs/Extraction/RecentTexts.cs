namespace CertBot.Dialogs.Extraction;

/// <summary>
/// What was worked out from the texts read most recently, each worked out once. One message is read by several
/// questions in one turn (is it a command, a trigger, a proposal, a question, what facts does it state, what does it
/// answer), and each used to tokenize it, scan every credential name and run the slot readers again. A small
/// direct-mapped table: an entry is immutable and replaced whole, so concurrent turns only ever miss (and work it out
/// again), never see a torn entry or another text's. Texts longer than <paramref name="maxLength"/> are not remembered.
/// </summary>
/// <param name="maxLength">The longest text remembered.</param>
/// <param name="compute">What is remembered for a text; it must depend on the text alone.</param>
internal sealed class RecentTexts<TValue>(int maxLength, Func<string, TValue> compute)
    where TValue : class
{
    private const int Slots = 64;

    private readonly Entry?[] _entries = new Entry?[Slots];

    /// <summary>The value for the text, worked out now or remembered; null for an empty text or one too long to remember.</summary>
    public TValue? Get(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length > maxLength)
        {
            return null;
        }

        var slot = (int)((uint)string.GetHashCode(text, StringComparison.Ordinal) % Slots);
        var entry = Volatile.Read(ref _entries[slot]);
        if (entry is not null && string.Equals(entry.Text, text, StringComparison.Ordinal))
        {
            return entry.Value;
        }

        entry = new Entry(text, compute(text));
        Volatile.Write(ref _entries[slot], entry);
        return entry.Value;
    }

    private sealed record Entry(string Text, TValue Value);
}

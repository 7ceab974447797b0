using CertBot.Dialogs.Definition;

namespace CertBot.Dialogs.Extraction;

/// <summary>Finds which choice of one slot a sentence names: the earliest, then longest, synonym wins.</summary>
internal sealed class ChoiceSlotMatcher
{
    private readonly (PhraseMatcher Phrase, string Value, bool AnswerOnly)[] _phrases;

    public ChoiceSlotMatcher(SlotDefinition slot)
    {
        Slot = slot;
        _phrases = [.. slot.Choices.SelectMany(c =>
            c.Synonyms.Select(s => (new PhraseMatcher(s), c.Value, false))
                .Append((new PhraseMatcher(c.Title), c.Value, false))
                .Append((new PhraseMatcher(c.Value), c.Value, false))
                .Concat(c.AnswerOnlySynonyms.Select(s => (new PhraseMatcher(s), c.Value, true))))];
    }

    public SlotDefinition Slot { get; }

    public (string Value, int Start, int Length)? Find(IReadOnlyList<string> tokens, bool isPending)
    {
        (string Value, int Start, int Length)? best = null;
        foreach (var (phrase, value, answerOnly) in _phrases)
        {
            if (answerOnly && !isPending)
            {
                continue;
            }

            foreach (var start in phrase.FindAll(tokens))
            {
                if (best is null || start < best.Value.Start || (start == best.Value.Start && phrase.Length > best.Value.Length))
                {
                    best = (value, start, phrase.Length);
                }

                break; // later occurrences of the same phrase cannot be earlier.
            }
        }

        return best;
    }
}

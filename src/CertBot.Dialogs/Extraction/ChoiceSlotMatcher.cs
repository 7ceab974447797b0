using CertBot.Dialogs.Definition;

namespace CertBot.Dialogs.Extraction;

/// <summary>Finds which choice of one slot a sentence means: every synonym found, then the one the person means by clause and cue.</summary>
internal sealed class ChoiceSlotMatcher
{
    /// <summary>How far (in words, within a clause) a prefer or past cue reaches a choice.</summary>
    private const int CueWindow = 4;

    private readonly (PhraseMatcher Phrase, string Value, bool AnswerOnly)[] _phrases;
    private readonly PhraseIndex _index;
    private readonly (PhraseMatcher Cue, int Weight)[] _weightedCues;
    private readonly HashSet<string> _aboutOthers;
    private readonly HashSet<string> _othersAfterPossessive;
    private readonly HashSet<string> _possessives;

    public ChoiceSlotMatcher(SlotDefinition slot)
    {
        Slot = slot;
        _phrases = [.. slot.Choices.SelectMany(c =>
            c.Synonyms.Select(s => (new PhraseMatcher(s), c.Value, false))
                .Append((new PhraseMatcher(c.Title), c.Value, false))
                .Append((new PhraseMatcher(c.Value), c.Value, false))
                .Concat(c.AnswerOnlySynonyms.Select(s => (new PhraseMatcher(s), c.Value, true))))
            .OrderByDescending(p => p.Item1.Length)];
        _index = new PhraseIndex(_phrases.Select(p => p.Phrase));
        _weightedCues = [.. slot.PreferCues.Select(c => (new PhraseMatcher(c), 2))
            .Concat(slot.PastCues.Select(c => (new PhraseMatcher(c), -2)))
            .OrderByDescending(c => c.Item1.Length)];
        _aboutOthers = new HashSet<string>(slot.AboutOthers.SelectMany(a => Utterance.Parse(a).Tokens), StringComparer.Ordinal);
        _othersAfterPossessive = new HashSet<string>(slot.OthersAfterPossessive.SelectMany(a => Utterance.Parse(a).Tokens), StringComparer.Ordinal);
        _possessives = new HashSet<string>(slot.Possessives.SelectMany(a => Utterance.Parse(a).Tokens), StringComparer.Ordinal);
    }

    public SlotDefinition Slot { get; }

    /// <summary>Every non-overlapping synonym occurrence, longest first where they overlap.</summary>
    /// <param name="answerOnlyAt">Whether an answer-only synonym ("not sure") counts at a token: the slot is asked, or its clause names the slot.</param>
    public List<ChoiceMention> FindAll(IReadOnlyList<string> tokens, Func<int, bool> answerOnlyAt)
    {
        var taken = new bool[tokens.Count];
        var found = new List<ChoiceMention>();
        foreach (var (index, start) in _index.FindAll(tokens))
        {
            var (phrase, value, answerOnly) = _phrases[index];
            if (answerOnly && !answerOnlyAt(start))
            {
                continue;
            }

            if (Array.IndexOf(taken, true, start, phrase.Length) < 0)
            {
                found.Add(new ChoiceMention(value, start, phrase.Length));
                for (var i = start; i < start + phrase.Length; i++)
                {
                    taken[i] = true;
                }
            }
        }

        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        return found;
    }

    /// <summary>The choice the person means among the mentions, or null.</summary>
    /// <param name="identity">Spans of identity cues ("I'm", "I work as"): a choice after one in its clause is the person's own.</param>
    /// <param name="credentialWords">Words that make a mention right before them part of a credential name.</param>
    public ChoiceMention? Resolve(
        Utterance utterance,
        ClauseMap clauses,
        List<ChoiceMention> mentions,
        IReadOnlyList<(int Start, int End)> identity,
        IReadOnlySet<string> credentialWords)
    {
        // Most messages name no value of most slots: nothing to resolve, and no query pipeline to build for it.
        if (mentions.Count == 0)
        {
            return null;
        }

        var tokens = utterance.Tokens;
        var kept = mentions
            .Where(m => m.End + 1 >= tokens.Count || !clauses.Same(m.End, m.End + 1) || !credentialWords.Contains(tokens[m.End + 1]))
            // "I'm" makes a title the person's own; a cloud is the target by its cues ("targeting"), not by "I'm fine with AWS".
            .Select(m => (Mention: m, Own: Slot.AmbiguousValue is null && identity.Any(c => c.End < m.Start && clauses.Same(c.End, m.Start))))
            .Where(m => m.Own || !IsAboutOthers(tokens, clauses, m.Mention))
            .ToList();
        if (kept.Count == 0)
        {
            return null;
        }

        var cueScores = ScoreCues(tokens, clauses, [.. kept.Select(k => k.Mention)]);
        var scored = kept
            .Select((k, i) => (k.Mention, Score: cueScores[i] + (k.Own ? 1 : 0)))
            .ToList();
        var top = scored.Max(s => s.Score);
        var best = scored.Where(s => s.Score == top).Select(s => s.Mention).ToList();
        var distinct = best.Select(m => m.Value).Distinct(StringComparer.Ordinal).Count();

        // Several clouds and nothing saying which is the target, or each as much the target as the other ("an AWS
        // shop and a GCP shop"), or several clouds and a word saying the choice is open ("haven't chosen"): that is
        // undecided, not the first one named.
        if (Slot.AmbiguousValue is { } ambiguous
            && (distinct > 1
                || (kept.Exists(k => k.Mention.Value == ambiguous)
                    && kept.Select(k => k.Mention.Value).Where(v => v != ambiguous).Distinct(StringComparer.Ordinal).Count() > 1)))
        {
            return new ChoiceMention(ambiguous, best[0].Start, 0);
        }

        if (Slot.AmbiguousValue is { } ambiguousValue && best.Exists(m => m.Value == ambiguousValue) && top <= 0)
        {
            return best.First(m => m.Value == ambiguousValue);
        }

        return best[0];
    }

    private bool IsAboutOthers(IReadOnlyList<string> tokens, ClauseMap clauses, ChoiceMention mention)
    {
        if (_aboutOthers.Count == 0 && _othersAfterPossessive.Count == 0)
        {
            return false;
        }

        var (start, end) = clauses.Bounds(clauses.Of(mention.Start));
        for (var i = start; i <= end; i++)
        {
            if (_aboutOthers.Contains(tokens[i]))
            {
                return true;
            }

            // "my manager", "our DS team": a possessive at most two words before.
            if (_othersAfterPossessive.Contains(tokens[i])
                && Enumerable.Range(Math.Max(start, i - 2), i - Math.Max(start, i - 2)).Any(k => _possessives.Contains(tokens[k])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>+2 per prefer cue and -2 per past cue near each mention; a cue between two mentions goes to the nearer (the later on a tie).</summary>
    private int[] ScoreCues(IReadOnlyList<string> tokens, ClauseMap clauses, List<ChoiceMention> mentions)
    {
        var scores = new int[mentions.Count];
        if (_weightedCues.Length == 0)
        {
            return scores;
        }

        var taken = new bool[tokens.Count];
        foreach (var mention in mentions)
        {
            for (var i = mention.Start; i <= mention.End; i++)
            {
                taken[i] = true;
            }
        }

        // Longest cue first across both lists, so "old shop" is a past cue before "shop" can be a target one.
        foreach (var (cue, weight) in _weightedCues)
        {
            // By start with MatchesAt rather than FindAll's iterator and a range check per hit: this runs for every
            // cue of every choice slot on every message.
            for (var start = 0; start < tokens.Count; start++)
            {
                if (!cue.MatchesAt(tokens, start))
                {
                    continue;
                }

                var end = start + cue.Length - 1;
                if (Array.IndexOf(taken, true, start, cue.Length) >= 0)
                {
                    continue;
                }

                var target = NearestMention(clauses, mentions, start, end);
                if (target >= 0)
                {
                    scores[target] += weight;
                    for (var i = start; i <= end; i++)
                    {
                        taken[i] = true;
                    }
                }
            }
        }

        return scores;
    }

    private static int NearestMention(ClauseMap clauses, List<ChoiceMention> mentions, int cueStart, int cueEnd)
    {
        var best = -1;
        var bestDistance = int.MaxValue;
        for (var i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i];
            int distance;
            if (m.Start > cueEnd)
            {
                if (!clauses.Same(cueEnd, m.Start))
                {
                    continue;
                }

                distance = (m.Start - cueEnd - 1) * 2; // even: a cue before a mention wins ties.
            }
            else if (m.End < cueStart)
            {
                if (!clauses.Same(m.End, cueStart))
                {
                    continue;
                }

                distance = ((cueStart - m.End - 1) * 2) + 1;
            }
            else
            {
                continue;
            }

            if (distance <= CueWindow * 2 && distance < bestDistance)
            {
                bestDistance = distance;
                best = i;
            }
        }

        return best;
    }
}

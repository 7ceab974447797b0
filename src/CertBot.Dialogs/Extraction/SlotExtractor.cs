using CertBot.Dialogs.Definition;

namespace CertBot.Dialogs.Extraction;

/// <summary>Finds values for any slot of a definition in free text: choices by synonym (typo-tolerant) resolved by clause and cue, durations with Microsoft.Recognizers.Text.</summary>
/// <remarks>Building the recognizer models compiles large regex tables (about a second); build one extractor and reuse it. Thread-safe.</remarks>
public sealed class SlotExtractor
{
    /// <summary>A cue after a duration may skip this many non-bridge words ("5 years in data science").</summary>
    private const int CueWindowAfter = 1;

    /// <summary>A cue before a duration may skip this many non-bridge words ("ML for about 6 years").</summary>
    private const int CueWindowBefore = 2;

    /// <summary>A clause this short (in words) with no question word is a terse fragment ("DS", "4 yrs", "AWS shop").</summary>
    private const int MaxTerseWords = 4;

    /// <summary>Answers are short; longer text is cut so a pasted document cannot make the recognizer's regexes crawl.</summary>
    private const int MaxTextLength = 1_000;

    private const int OtherWork = -1;

    private readonly DialogDefinition _definition;
    private readonly CredentialMask _credentials;
    private readonly HashSet<string> _credentialWords;
    private readonly DurationFinder _durations;
    private readonly List<ChoiceSlotMatcher> _choiceSlots = [];
    private readonly List<SlotDefinition> _durationSlots = [];
    private readonly List<(int Target, PhraseMatcher Cue, bool IsTitle)> _durationCues = [];
    private readonly List<(string Slot, PhraseMatcher Alias)> _aliases = [];
    private readonly HashSet<string> _fillerWords;
    private readonly HashSet<string> _bridgeWords;
    private readonly HashSet<string> _clauseBreakWords;
    private readonly HashSet<string> _selfWords;
    private readonly PhraseMatcher[] _identityCues;
    private readonly PhraseMatcher[] _questionOpeners;
    private readonly PhraseMatcher[] _proposalCues;
    private readonly PhraseMatcher[] _triggers;
    private readonly PhraseIndex _triggerIndex;
    private readonly PhraseIndex _identityIndex;
    private readonly PhraseIndex _aliasIndex;
    private readonly PhraseIndex _durationCueIndex;
    private readonly PhraseMatcher[] _negations;
    private readonly RecentTexts<ParsedText> _parsed;
    private readonly RecentTexts<SlotExtraction> _facts;

    /// <summary>Builds the matchers and the recognizer models of the definition's culture.</summary>
    public SlotExtractor(DialogDefinition definition)
        : this(definition, new TextRecognizers((definition ?? throw new ArgumentNullException(nameof(definition))).RecognizerCulture))
    {
    }

    /// <summary>Builds the matchers for a definition around recognizer models built earlier (for instance in the background at start-up).</summary>
    public SlotExtractor(DialogDefinition definition, TextRecognizers recognizers)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(recognizers);
        if (recognizers.CultureCode != definition.RecognizerCulture)
        {
            throw new ArgumentException($"The dialog reads with {definition.RecognizerCulture}, the recognizers are {recognizers.CultureCode}'s.", nameof(recognizers));
        }

        _definition = definition;
        _credentials = new CredentialMask(definition.Credentials);
        _parsed = new RecentTexts<ParsedText>(MaxTextLength, text =>
        {
            var parsed = Utterance.Parse(text);
            return new ParsedText(parsed, MaskCredentials(parsed));
        });
        _facts = new RecentTexts<SlotExtraction>(MaxTextLength, text => Read(text, null, null, FactScope.Statements));
        _credentialWords = new HashSet<string>(_credentials.Words, StringComparer.Ordinal) { Utterance.MaskToken };
        _durations = new DurationFinder(recognizers, definition.Durations);

        foreach (var slot in definition.Slots)
        {
            foreach (var alias in slot.Aliases)
            {
                _aliases.Add((slot.Name, new PhraseMatcher(alias)));
            }

            if (slot.Kind == SlotKind.Choice)
            {
                _choiceSlots.Add(new ChoiceSlotMatcher(slot));
                continue;
            }

            var index = _durationSlots.Count;
            _durationSlots.Add(slot);
            _durationCues.AddRange(slot.Cues.Select(c => (index, new PhraseMatcher(c), false)));
            _durationCues.AddRange(slot.OtherCues.Select(c => (OtherWork, new PhraseMatcher(c), false)));
            if (slot.TitleCues is { } titles && definition.FindSlot(titles.Slot) is { } titleSlot)
            {
                var except = new HashSet<string>(titles.Except.Select(Utterance.Normalize), StringComparer.Ordinal);
                _durationCues.AddRange(TitlesOf(titleSlot, titles.Counts)
                    .Where(t => !except.Contains(Utterance.Normalize(t)))
                    .Select(t => (index, new PhraseMatcher(t), true)));
                _durationCues.AddRange(TitlesOf(titleSlot, titles.Other)
                    .Concat(titles.Except)
                    .Select(t => (OtherWork, new PhraseMatcher(t), true)));
            }
        }

        _fillerWords = WordsOf(definition.FillerWords);
        _bridgeWords = WordsOf(definition.Durations.BridgeWords);
        _negations = [.. definition.Durations.NegationWords.Select(w => new PhraseMatcher(w))];
        _clauseBreakWords = WordsOf(definition.ClauseBreakWords);
        _selfWords = WordsOf(definition.SelfWords);
        _identityCues = [.. definition.IdentityCues.Select(c => new PhraseMatcher(c)).OrderByDescending(c => c.Length)];
        _questionOpeners = [.. definition.QuestionWords.Select(c => new PhraseMatcher(c)).OrderByDescending(c => c.Length)];
        _proposalCues = [.. definition.ProposalCues.Select(c => new PhraseMatcher(c)).OrderByDescending(c => c.Length)];
        _triggers = [.. definition.Triggers.Select(t => new PhraseMatcher(t))];
        _triggerIndex = new PhraseIndex(_triggers);
        _identityIndex = new PhraseIndex(_identityCues);
        _aliasIndex = new PhraseIndex(_aliases.Select(a => a.Alias));
        _durationCueIndex = new PhraseIndex(_durationCues.Select(c => c.Cue));
    }

    /// <summary>Values for any slot found in text, with no question pending (numbers need a unit or a cue).</summary>
    public SlotExtraction Extract(string text) => Extract(text, null, null);

    /// <summary>Values for any slot found in text as an answer while <paramref name="pendingSlot"/> is being asked.</summary>
    /// <param name="known">Values already collected; decide whether conditional slots (cloudYears) apply.</param>
    public SlotExtraction Extract(string? text, string? pendingSlot, IReadOnlyDictionary<string, string>? known) =>
        Read(text, pendingSlot, known, FactScope.Everything);

    /// <summary>The facts the text states about the person: none from questions about credentials or exams; in a question-shaped message only from first-person or terse clauses.</summary>
    /// <remarks>The same text gives the same facts, so a turn that asks twice (the route table, then the interview) reads them once.</remarks>
    public SlotExtraction ReadFacts(string? text) => _facts.Get(text) ?? Read(text, null, null, FactScope.Statements);

    /// <summary>The clause in which the person says what they are or do ("i build websites for a living"), lower-cased, or null.</summary>
    /// <remarks>For a host's semantic fallback on titles the vocabulary does not know.</remarks>
    public string? SelfDescription(string? text)
    {
        var utterance = Prepare(text);
        var clauses = new ClauseMap(utterance, _clauseBreakWords);
        foreach (var (start, _) in FindAll(_identityIndex, utterance.Tokens).OrderBy(c => c.Start))
        {
            var (_, end) = clauses.Bounds(clauses.Of(start));
            var words = utterance.Tokens.Skip(start).Take(end - start + 1).Where(t => t != Utterance.MaskToken).ToList();
            if (words.Count > 0 && !StartsWith(_questionOpeners, utterance.Tokens, start))
            {
                return string.Join(' ', words);
            }
        }

        // No identity cue, but a clause that opens in the first person says what the person does ("I tune ranking models").
        for (var clause = 0; clause < clauses.Count; clause++)
        {
            var (start, end) = clauses.Bounds(clause);
            var words = utterance.Tokens.Skip(start).Take(end - start + 1).Where(t => t != Utterance.MaskToken && !_fillerWords.Contains(t)).ToList();
            if (words.Count > 1 && _selfWords.Contains(words[0]) && !IsQuestionClause(utterance, clauses, clause))
            {
                return string.Join(' ', words);
            }
        }

        return null;
    }

    internal SlotExtraction Read(string? text, string? pendingSlot, IReadOnlyDictionary<string, string>? known, FactScope scope)
    {
        var utterance = Prepare(text);
        if (utterance.Tokens.Count == 0)
        {
            return SlotExtraction.Empty;
        }

        var clauses = new ClauseMap(utterance, _clauseBreakWords);
        if (scope != FactScope.Everything)
        {
            utterance = utterance.Mask(OutOfScope(utterance, clauses, scope));
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var claimed = new bool[utterance.Tokens.Count];
        var identity = FindAll(_identityIndex, utterance.Tokens);
        foreach (var choiceSlot in _choiceSlots)
        {
            var named = NamedClauses(utterance, clauses, choiceSlot.Slot.Name);
            var mentions = choiceSlot.FindAll(
                utterance.Tokens,
                start => string.Equals(pendingSlot, choiceSlot.Slot.Name, StringComparison.Ordinal) || named.Contains(clauses.Of(start)));
            foreach (var mention in mentions)
            {
                for (var i = mention.Start; i <= mention.End; i++)
                {
                    claimed[i] = true;
                }
            }

            if (choiceSlot.Resolve(utterance, clauses, mentions, identity, _credentialWords) is { } found)
            {
                values[choiceSlot.Slot.Name] = found.Value;
            }
        }

        AssignDurations(utterance, clauses, claimed, pendingSlot, known, values);
        return new SlotExtraction(values, FindMentions(utterance, values));
    }

    /// <summary>True when the text asks something: a "?" or a clause opening with a question word.</summary>
    /// <summary>
    /// True when the text may say who the person is: it has a first-person word ("I", "my", "we"), or it does not open
    /// with a question word, as terse fragments do ("sw engineer here, which cert?"); "what's the credential for people
    /// who deploy models?" names a role, not the asker's.
    /// </summary>
    internal bool SpeaksOfSelf(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var utterance = Prepare(text);
        return utterance.Tokens.Any(_selfWords.Contains) || !StartsWith(_questionOpeners, utterance.Tokens, 0);
    }

    internal bool IsQuestion(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var utterance = Prepare(text);
        return utterance.InQuestion.Any(q => q) || AnyQuestionClause(utterance, new ClauseMap(utterance, _clauseBreakWords));
    }

    /// <summary>The text after a proposal opening ("what about AWS?" gives "AWS"), or null when it has none.</summary>
    internal string? AfterProposal(string? text)
    {
        var tokens = Parse(text).Tokens.SkipWhile(_fillerWords.Contains).ToList();
        var cue = _proposalCues.FirstOrDefault(c => c.MatchesAt(tokens, 0));
        return cue is null ? null : string.Join(' ', tokens.Skip(cue.Length));
    }

    /// <summary>The text's words and punctuation, parsed once for all the questions a turn asks about it.</summary>
    internal Utterance Parse(string? text) => _parsed.Get(text)?.Parsed ?? Utterance.Parse(text);

    private Utterance Prepare(string? text) =>
        _parsed.Get(text)?.Masked ?? MaskCredentials(Utterance.Parse(text is { Length: > MaxTextLength } ? text[..MaxTextLength] : text));

    private Utterance MaskCredentials(Utterance utterance) => utterance.Mask(_credentials.Find(utterance));

    /// <summary>Clauses that cannot state facts about the person: questions, and in question sentences what is neither first-person nor terse.</summary>
    private bool[] OutOfScope(Utterance utterance, ClauseMap clauses, FactScope scope)
    {
        var masked = new bool[utterance.Tokens.Count];
        // "what cert for a DS with 4 yrs?" asks for a recommendation: the person it describes is the asker.
        if (scope == FactScope.Statements && _triggerIndex.AnyIn(utterance.Tokens))
        {
            return masked;
        }

        for (var clause = 0; clause < clauses.Count; clause++)
        {
            var (start, end) = clauses.Bounds(clause);
            var words = utterance.Tokens.Skip(start).Take(end - start + 1).Where(t => !_fillerWords.Contains(t)).ToList();
            var isSelf = words.Exists(_selfWords.Contains);
            var isTerse = words.Count <= MaxTerseWords && words.Count > 0 && !_bridgeWords.Contains(words[0]);
            var keep = !IsQuestionClause(utterance, clauses, clause) && scope switch
            {
                FactScope.SelfStatements => isSelf,
                _ => !utterance.InQuestion[start] || isSelf || isTerse,
            };
            for (var i = start; i <= end; i++)
            {
                masked[i] = !keep;
            }
        }

        return masked;
    }

    /// <summary>Clauses that name the slot ("cloud: dunno yet"), or follow one that does ("as for cloud, no idea").</summary>
    private HashSet<int> NamedClauses(Utterance utterance, ClauseMap clauses, string slot)
    {
        var named = new HashSet<int>();
        foreach (var (alias, start) in _aliasIndex.FindAll(utterance.Tokens))
        {
            if (_aliases[alias].Slot == slot)
            {
                named.Add(clauses.Of(start));
                named.Add(clauses.Of(start) + 1);
            }
        }

        return named;
    }

    private bool AnyQuestionClause(Utterance utterance, ClauseMap clauses) =>
        Enumerable.Range(0, clauses.Count).Any(c => IsQuestionClause(utterance, clauses, c));

    /// <summary>A clause opening with a question word, unless it opens with a proposal ("what about AWS").</summary>
    private bool IsQuestionClause(Utterance utterance, ClauseMap clauses, int clause)
    {
        var (start, end) = clauses.Bounds(clause);
        var first = start;
        while (first <= end && (_fillerWords.Contains(utterance.Tokens[first]) || _clauseBreakWords.Contains(utterance.Tokens[first])))
        {
            first++;
        }

        return first <= end
            && !StartsWith(_proposalCues, utterance.Tokens, first)
            && StartsWith(_questionOpeners, utterance.Tokens, first);
    }

    private void AssignDurations(
        Utterance utterance,
        ClauseMap clauses,
        bool[] claimed,
        string? pendingSlot,
        IReadOnlyDictionary<string, string>? known,
        Dictionary<string, string> values)
    {
        var candidates = _durations.Find(utterance, clauses, claimed);
        var cues = _durationCueIndex.FindAll(utterance.Tokens)
            .Select(hit => (_durationCues[hit.Phrase].Target, Start: hit.Start, End: hit.Start + _durationCues[hit.Phrase].Cue.Length - 1, _durationCues[hit.Phrase].IsTitle))
            .ToList();
        var pending = _durationSlots.Find(s => string.Equals(s.Name, pendingSlot, StringComparison.Ordinal));
        var experience = _durationSlots.Find(s => s.Required && s.AskWhen is null) ?? _durationSlots.FirstOrDefault();
        var fallback = pending ?? experience;
        var anyUnit = candidates.Exists(c => c.HasUnit && !c.IsZeroPhrase);
        var numbers = candidates.Where(c => !c.IsZeroPhrase).ToList();
        var isBareAnswer = pending is not null && numbers.Count == 1
            && CountOtherWords(utterance, numbers[0]) <= _definition.Durations.MaxWordsAroundBareAnswer;

        void Set(SlotDefinition? slot, double years)
        {
            if (slot is not null && !values.ContainsKey(slot.Name) && years >= slot.Min && years <= slot.Max
                && IsRelevant(slot, values, known))
            {
                values[slot.Name] = Utterance.Format(years);
            }
        }

        // Strongest first: a duration tied to a slot by a cue, then a bare answer, then negations, then un-cued durations.
        var unbound = new List<DurationCandidate>();
        foreach (var candidate in candidates)
        {
            var target = Bind(utterance, clauses, cues, candidate);
            if (candidate.IsZeroPhrase)
            {
                Set(target is >= 0 ? _durationSlots[target.Value] : fallback, 0);
            }
            else if (target == OtherWork)
            {
                continue; // "dev for 7 years": experience, but not this kind.
            }
            else if (target is { } slot && (candidate.HasUnit || anyUnit || isBareAnswer))
            {
                Set(_durationSlots[slot], candidate.Years);
            }
            else if (target is null)
            {
                unbound.Add(candidate);
            }
        }

        if (isBareAnswer && unbound.Count == 1)
        {
            Set(pending, unbound[0].Years);
        }

        foreach (var slot in FindNegations(utterance, clauses, cues))
        {
            Set(_durationSlots[slot], 0);
        }

        foreach (var candidate in unbound.Where(c => c.HasUnit))
        {
            // An un-cued number of years answers the pending question, or is time in the person's title:
            // ML experience for "DS, 4 yrs", a career for "SRE, 10 yrs".
            if (pending is not null || TitleBefore(cues, candidate) != OtherWork)
            {
                Set(fallback, candidate.Years);
            }
        }
    }

    /// <summary>The duration slot (or <see cref="OtherWork"/>) whose nearest cue in the same clause claims the candidate, or null.</summary>
    private int? Bind(Utterance utterance, ClauseMap clauses, List<(int Target, int Start, int End, bool IsTitle)> cues, DurationCandidate candidate)
    {
        int? best = null;
        var bestScore = double.MaxValue;
        foreach (var (target, start, end, _) in cues)
        {
            double score;
            if (start > candidate.End && clauses.Same(candidate.End, end))
            {
                var gap = CountNonBridge(utterance, candidate.End + 1, start - 1);
                if (gap > CueWindowAfter)
                {
                    continue;
                }

                score = gap;
            }
            else if (end < candidate.Start && clauses.Same(end, candidate.Start))
            {
                var gap = CountNonBridge(utterance, end + 1, candidate.Start - 1);
                if (gap > CueWindowBefore)
                {
                    continue;
                }

                score = gap + 0.5; // a cue after the number binds tighter ("1 on GCP").
            }
            else
            {
                continue;
            }

            // Longer cues ("on that cloud", "backend engineer") beat the single words inside them.
            score -= (end - start + 1) * 0.01;
            if (score < bestScore)
            {
                bestScore = score;
                best = target;
            }
        }

        return best;
    }

    /// <summary>The target of the title nearest before the candidate (else the first after), or null when no title is named.</summary>
    private static int? TitleBefore(List<(int Target, int Start, int End, bool IsTitle)> cues, DurationCandidate candidate)
    {
        // "ml ops engineer" is one title, not "ml ops" and an "engineer".
        var all = cues.Where(c => c.IsTitle).ToList();
        var titles = all
            .Where(c => !all.Exists(o => o != c && o.Start <= c.Start && o.End >= c.End && o.End - o.Start > c.End - c.Start))
            .ToList();
        var before = titles.Where(c => c.End < candidate.Start).OrderByDescending(c => c.End).ThenByDescending(c => c.End - c.Start).FirstOrDefault();
        if (before != default)
        {
            return before.Target;
        }

        var after = titles.Where(c => c.Start > candidate.End).OrderBy(c => c.Start).FirstOrDefault();
        return after == default ? null : after.Target;
    }

    /// <summary>Slots a negation word negates: "zero ML", "no ML experience", "ML experience: none", "haven't really done any ML".</summary>
    private List<int> FindNegations(Utterance utterance, ClauseMap clauses, List<(int Target, int Start, int End, bool IsTitle)> cues)
    {
        var negated = new List<int>();
        var window = _definition.Durations.NegationWindow;
        for (var i = 0; i < utterance.Tokens.Count; i++)
        {
            if (!Array.Exists(_negations, n => n.MatchesAt(utterance.Tokens, i)))
            {
                continue;
            }

            var nearest = cues
                .Where(c => c.Target != OtherWork && (c.Start > i ? clauses.Same(i, c.Start) && c.Start - i <= window : clauses.Same(c.End, i) && i - c.End <= window && c.End < i))
                .OrderBy(c => c.Start > i ? c.Start - i : i - c.End)
                .Select(c => (int?)c.Target)
                .FirstOrDefault();
            if (nearest is { } slot && !negated.Contains(slot))
            {
                negated.Add(slot);
            }
        }

        return negated;
    }

    private int CountNonBridge(Utterance utterance, int from, int to)
    {
        var count = 0;
        for (var i = from; i <= to; i++)
        {
            if (!_bridgeWords.Contains(utterance.Tokens[i]))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Slots named in the text, in order; the longest alias wins ("cloud years" names cloudYears, not cloud).</summary>
    private List<string> FindMentions(Utterance utterance, Dictionary<string, string> values)
    {
        var matches = _aliasIndex.FindAll(utterance.Tokens)
            .Select(hit => (_aliases[hit.Phrase].Slot, Start: hit.Start, _aliases[hit.Phrase].Alias.Length))
            .OrderBy(m => m.Start)
            .ThenByDescending(m => m.Length);
        var mentioned = new List<string>();
        var coveredUntil = -1;
        foreach (var (slot, start, length) in matches)
        {
            if (start <= coveredUntil)
            {
                continue;
            }

            coveredUntil = start + length - 1;
            if (!values.ContainsKey(slot) && !mentioned.Contains(slot, StringComparer.Ordinal))
            {
                mentioned.Add(slot);
            }
        }

        return mentioned;
    }

    private static bool IsRelevant(SlotDefinition slot, Dictionary<string, string> values, IReadOnlyDictionary<string, string>? known)
    {
        if (slot.AskWhen is null)
        {
            return true;
        }

        var current = values.TryGetValue(slot.AskWhen.Slot, out var found)
            ? found
            : known is not null && known.TryGetValue(slot.AskWhen.Slot, out var previous) ? previous : null;
        return current is null || slot.AskWhen.In.Contains(current, StringComparer.Ordinal);
    }

    private int CountOtherWords(Utterance utterance, DurationCandidate candidate)
    {
        var count = 0;
        for (var i = 0; i < utterance.Tokens.Count; i++)
        {
            var token = utterance.Tokens[i];
            if ((i < candidate.Start || i > candidate.End) && !_fillerWords.Contains(token) && token != Utterance.MaskToken)
            {
                count++;
            }
        }

        return count;
    }

    private static List<(int Start, int End)> FindAll(PhraseIndex phrases, IReadOnlyList<string> tokens) =>
        [.. phrases.FindAll(tokens).Select(hit => (hit.Start, hit.Start + phrases.Phrases[hit.Phrase].Length - 1))];

    private static bool StartsWith(PhraseMatcher[] phrases, IReadOnlyList<string> tokens, int start) =>
        Array.Exists(phrases, p => p.MatchesAt(tokens, start));

    private static IEnumerable<string> TitlesOf(SlotDefinition slot, IReadOnlyList<string> values) =>
        slot.Choices.Where(c => values.Contains(c.Value, StringComparer.Ordinal)).SelectMany(c => c.Synonyms.Append(c.Title));

    private static HashSet<string> WordsOf(IReadOnlyList<string> phrases) =>
        new(phrases.SelectMany(p => Utterance.Parse(p).Tokens), StringComparer.Ordinal);

    /// <summary>A text's words and punctuation, and the same with credential names masked (what the readers see).</summary>
    private sealed record ParsedText(Utterance Parsed, Utterance Masked);
}

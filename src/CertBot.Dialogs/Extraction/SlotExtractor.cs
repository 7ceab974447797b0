using System.Globalization;
using CertBot.Dialogs.Definition;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.Number;

namespace CertBot.Dialogs.Extraction;

/// <summary>Finds values for any slot of a definition in free text: choices by synonym (typo-tolerant), years with Microsoft.Recognizers.Text.</summary>
/// <remarks>Building the recognizer model compiles large regex tables (about 0.4 s); build one extractor and reuse it. Thread-safe.</remarks>
public sealed class SlotExtractor
{
    /// <summary>How far after a number and its unit (in words) a cue such as "on GCP" still claims it: right after, so "5 years, mostly on GCP" stays ML experience.</summary>
    private const int CueWindowAfter = 1;

    /// <summary>How far before a number a cue still claims it ("on AWS for 2 years").</summary>
    private const int CueWindowBefore = 2;

    /// <summary>Answers are short; longer text is cut so a pasted document cannot make the recognizer's regexes crawl.</summary>
    private const int MaxTextLength = 1_000;

    private static readonly HashSet<string> UnitBridgeWords = new(StringComparer.Ordinal) { "a", "an", "plus", "or", "more", "of", "full", "whole" };

    private readonly DialogDefinition _definition;
    private readonly NumberModel _numberModel;
    private readonly List<ChoiceSlotMatcher> _choiceSlots = [];
    private readonly List<(SlotDefinition Slot, PhraseMatcher[] Cues)> _numberSlots = [];
    private readonly List<(string Slot, PhraseMatcher Alias)> _aliases = [];
    private readonly PhraseMatcher[] _yearUnits;
    private readonly PhraseMatcher[] _monthUnits;
    private readonly (PhraseMatcher Phrase, double Value)[] _numberPhrases;
    private readonly HashSet<string> _fillerWords;

    /// <summary>Builds the matchers and the number recognizer model for a definition.</summary>
    public SlotExtractor(DialogDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        _definition = definition;
        try
        {
            _numberModel = (NumberModel)new NumberRecognizer(Culture.English).GetNumberModel();
        }
        catch (CultureNotFoundException ex)
        {
            throw new InvalidOperationException(
                "Microsoft.Recognizers.Text needs the en-US culture. With <InvariantGlobalization>true</InvariantGlobalization> " +
                "also set <PredefinedCulturesOnly>false</PredefinedCulturesOnly> in the application's project file.",
                ex);
        }

        foreach (var slot in definition.Slots)
        {
            foreach (var alias in slot.Aliases)
            {
                _aliases.Add((slot.Name, new PhraseMatcher(alias)));
            }

            if (slot.Kind == SlotKind.Choice)
            {
                _choiceSlots.Add(new ChoiceSlotMatcher(slot));
            }
            else
            {
                _numberSlots.Add((slot, [.. slot.Cues.Select(c => new PhraseMatcher(c))]));
            }
        }

        _yearUnits = [.. definition.Numbers.YearUnits.Select(u => new PhraseMatcher(u))];
        _monthUnits = [.. definition.Numbers.MonthUnits.Select(u => new PhraseMatcher(u))];
        _numberPhrases = [.. definition.Numbers.Phrases
            .Select(p => (new PhraseMatcher(p.Key), p.Value))
            .OrderByDescending(p => p.Item1.Length)];
        _fillerWords = new HashSet<string>(
            definition.FillerWords.SelectMany(f => Utterance.Parse(f).Tokens), StringComparer.Ordinal);
    }

    /// <summary>Values for any slot found in text, with no question pending (numbers need a unit or a cue).</summary>
    public SlotExtraction Extract(string text) => Extract(text, null, null);

    /// <summary>Values for any slot found in text as an answer while <paramref name="pendingSlot"/> is being asked.</summary>
    /// <param name="known">Values already collected; decide whether conditional slots (cloudYears) apply.</param>
    public SlotExtraction Extract(string? text, string? pendingSlot, IReadOnlyDictionary<string, string>? known)
    {
        if (text is { Length: > MaxTextLength })
        {
            text = text[..MaxTextLength];
        }

        var utterance = Utterance.Parse(text);
        if (utterance.Tokens.Count == 0)
        {
            return SlotExtraction.Empty;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var claimed = new bool[utterance.Tokens.Count];
        foreach (var choiceSlot in _choiceSlots)
        {
            var match = choiceSlot.Find(utterance.Tokens, string.Equals(pendingSlot, choiceSlot.Slot.Name, StringComparison.Ordinal));
            if (match is { } found)
            {
                values[choiceSlot.Slot.Name] = found.Value;
                for (var i = found.Start; i < found.Start + found.Length; i++)
                {
                    claimed[i] = true;
                }
            }
        }

        ExtractNumbers(utterance, claimed, pendingSlot, known, values);

        return new SlotExtraction(values, FindMentions(utterance, values));
    }

    /// <summary>Slots named in the text, in order; the longest alias wins ("cloud years" names cloudYears, not cloud).</summary>
    private List<string> FindMentions(Utterance utterance, Dictionary<string, string> values)
    {
        var matches = _aliases
            .SelectMany(a => a.Alias.FindAll(utterance.Tokens).Select(start => (a.Slot, Start: start, a.Alias.Length)))
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

    private void ExtractNumbers(
        Utterance utterance,
        bool[] claimed,
        string? pendingSlot,
        IReadOnlyDictionary<string, string>? known,
        Dictionary<string, string> values)
    {
        var candidates = FindNumbers(utterance, claimed);
        if (candidates.Count == 0)
        {
            return;
        }

        var anyUnit = candidates.Exists(c => c.Unit is not null);
        var pendingNumberSlot = _numberSlots.Find(s => string.Equals(s.Slot.Name, pendingSlot, StringComparison.Ordinal)).Slot;
        var isBareAnswer = pendingNumberSlot is not null && candidates.Count == 1 && CountOtherWords(utterance, candidates[0]) <= _definition.Numbers.MaxWordsAroundBareAnswer;

        foreach (var candidate in candidates)
        {
            var years = candidate.Unit == NumberUnit.Months ? candidate.Value / 12 : candidate.Value;
            // A unitless number needs a cue and a unit elsewhere ("3 years of ML and 1 on GCP"); "2 kids" is not experience.
            var target = candidate.Unit is not null || anyUnit ? CuedSlot(utterance, candidate) : null;
            if (target is not null && !IsRelevant(target, values, known))
            {
                continue; // "2 years on Azure": about a cloud whose years we do not ask.
            }

            if (target is null)
            {
                if (isBareAnswer)
                {
                    target = pendingNumberSlot;
                }
                else if (candidate.Unit is not null)
                {
                    // An un-cued number of years means overall experience: the first unconditional number slot.
                    target = _numberSlots.Find(s => s.Slot.AskWhen is null).Slot;
                }
            }

            if (target is null || values.ContainsKey(target.Name) || years < target.Min || years > target.Max
                || !IsRelevant(target, values, known))
            {
                continue;
            }

            values[target.Name] = Utterance.Format(years);
        }
    }

    private SlotDefinition? CuedSlot(Utterance utterance, NumberCandidate candidate)
    {
        SlotDefinition? best = null;
        var bestScore = double.MaxValue;
        foreach (var (slot, cues) in _numberSlots)
        {
            foreach (var cue in cues)
            {
                foreach (var start in cue.FindAll(utterance.Tokens))
                {
                    var end = start + cue.Length - 1;
                    double score;
                    if (start > candidate.UnitEnd)
                    {
                        var distance = start - candidate.UnitEnd;
                        if (distance > CueWindowAfter)
                        {
                            continue;
                        }

                        score = distance;
                    }
                    else if (end < candidate.Start)
                    {
                        var distance = candidate.Start - end;
                        if (distance > CueWindowBefore)
                        {
                            continue;
                        }

                        score = distance + 0.5; // a cue after the number binds tighter ("1 on GCP").
                    }
                    else
                    {
                        continue;
                    }

                    // Longer cues ("on that cloud") beat the single words inside them.
                    score -= cue.Length * 0.01;
                    if (score < bestScore)
                    {
                        bestScore = score;
                        best = slot;
                    }
                }
            }
        }

        return best;
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

    private int CountOtherWords(Utterance utterance, NumberCandidate candidate)
    {
        var count = 0;
        for (var i = 0; i < utterance.Tokens.Count; i++)
        {
            if ((i < candidate.Start || i > candidate.UnitEnd) && !_fillerWords.Contains(utterance.Tokens[i]))
            {
                count++;
            }
        }

        return count;
    }

    private List<NumberCandidate> FindNumbers(Utterance utterance, bool[] claimed)
    {
        var tokens = utterance.Tokens;
        var used = (bool[])claimed.Clone();
        var found = new List<NumberCandidate>();

        foreach (var (phrase, value) in _numberPhrases)
        {
            foreach (var start in phrase.FindAll(tokens))
            {
                var end = start + phrase.Length - 1;
                if (!AnyUsed(used, start, end))
                {
                    // "less than a year" carries its unit; "none" does not.
                    var hasUnit = Enumerable.Range(start, phrase.Length).Any(i => UnitAt(tokens, i) is not null);
                    found.Add(new NumberCandidate(start, end, value) { Unit = hasUnit ? NumberUnit.Years : null });
                    Mark(used, start, end);
                }
            }
        }

        foreach (var result in _numberModel.Parse(utterance.Text))
        {
            if (result.Resolution is null
                || !result.Resolution.TryGetValue("value", out var raw)
                || !double.TryParse(raw?.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                continue;
            }

            var start = utterance.TokenAt(result.Start);
            var end = utterance.TokenAt(result.End);
            if (!AnyUsed(used, start, end))
            {
                found.Add(new NumberCandidate(start, end, value));
                Mark(used, start, end);
            }
        }

        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        found = MergeHalves(tokens, found);

        var withUnits = new List<NumberCandidate>(found.Count);
        foreach (var candidate in found)
        {
            withUnits.Add(AttachUnit(tokens, candidate, used));
        }

        // "a year", "an year of ML": a unit with an article and no number means one.
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            if (tokens[i] is "a" or "an" && !used[i] && !used[i + 1] && UnitAt(tokens, i + 1) is { } unit)
            {
                withUnits.Add(new NumberCandidate(i, i, 1) { Unit = unit.Unit, UnitEnd = i + unit.Length });
                Mark(used, i, i + unit.Length);
            }
        }

        withUnits.Sort((a, b) => a.Start.CompareTo(b.Start));
        return withUnits;
    }

    /// <summary>"2 and a half" arrives as 2 and 0.5.</summary>
    private static List<NumberCandidate> MergeHalves(IReadOnlyList<string> tokens, List<NumberCandidate> found)
    {
        var merged = new List<NumberCandidate>(found.Count);
        for (var i = 0; i < found.Count; i++)
        {
            var current = found[i];
            if (i + 1 < found.Count
                && found[i + 1].Value is > 0 and < 1
                && found[i + 1].Start == current.End + 2
                && tokens[current.End + 1] == "and")
            {
                merged.Add(new NumberCandidate(current.Start, found[i + 1].End, current.Value + found[i + 1].Value));
                i++;
            }
            else
            {
                merged.Add(current);
            }
        }

        return merged;
    }

    private NumberCandidate AttachUnit(IReadOnlyList<string> tokens, NumberCandidate candidate, bool[] used)
    {
        var next = candidate.End + 1;
        for (var bridged = 0; bridged <= 2 && next < tokens.Count; bridged++)
        {
            if (UnitAt(tokens, next) is { } unit)
            {
                Mark(used, next, next + unit.Length - 1);
                return candidate with { Unit = unit.Unit, UnitEnd = next + unit.Length - 1 };
            }

            if (!UnitBridgeWords.Contains(tokens[next]))
            {
                break;
            }

            next++;
        }

        return candidate;
    }

    private (NumberUnit Unit, int Length)? UnitAt(IReadOnlyList<string> tokens, int index)
    {
        foreach (var unit in _yearUnits)
        {
            if (unit.MatchesAt(tokens, index))
            {
                return (NumberUnit.Years, unit.Length);
            }
        }

        foreach (var unit in _monthUnits)
        {
            if (unit.MatchesAt(tokens, index))
            {
                return (NumberUnit.Months, unit.Length);
            }
        }

        return null;
    }

    private static bool AnyUsed(bool[] used, int start, int end)
    {
        for (var i = start; i <= end && i < used.Length; i++)
        {
            if (used[i])
            {
                return true;
            }
        }

        return false;
    }

    private static void Mark(bool[] used, int start, int end)
    {
        for (var i = start; i <= end && i < used.Length; i++)
        {
            used[i] = true;
        }
    }

    private enum NumberUnit
    {
        Years,
        Months,
    }

    /// <summary>A number found at tokens Start..End, with the unit word after it if any.</summary>
    private sealed record NumberCandidate(int Start, int End, double Value)
    {
        public NumberUnit? Unit { get; init; }

        private readonly int? _unitEnd;

        public int UnitEnd
        {
            get => _unitEnd ?? End;
            init => _unitEnd = value;
        }
    }
}

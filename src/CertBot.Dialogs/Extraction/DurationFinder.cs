using System.Globalization;
using CertBot.Dialogs.Definition;

namespace CertBot.Dialogs.Extraction;

/// <summary>Finds every duration in an utterance: the date-time recognizer's TIMEX first, then the spellings it misses ("3 yrs", "4yrs", "3y"), ranges, phrases and bare numbers.</summary>
internal sealed class DurationFinder
{
    private readonly TextRecognizers _recognizers;
    private readonly DurationVocabulary _vocabulary;
    private readonly (PhraseMatcher Unit, double Years)[] _units;
    private readonly (PhraseMatcher Phrase, double Value)[] _phrases;
    private readonly PhraseMatcher[] _zeroPhrases;
    private readonly PhraseIndex _zeroIndex;
    private readonly HashSet<string> _zeroLimiters;
    private readonly PhraseMatcher[] _zeroNouns;
    private readonly PhraseIndex _phraseIndex;
    private readonly HashSet<string> _countWords;
    private readonly HashSet<string> _bridgeWords;
    private readonly HashSet<string> _rangeWords;
    private readonly HashSet<string> _unitBridgeWords;
    private readonly HashSet<string> _articles;
    private readonly HashSet<string> _quantityWords;
    private readonly HashSet<string> _numberWords;
    private readonly PhraseMatcher[] _halfWords;

    public DurationFinder(TextRecognizers recognizers, DurationVocabulary vocabulary)
    {
        _recognizers = recognizers;
        _vocabulary = vocabulary;
        _units = [.. vocabulary.YearUnits.Select(u => (new PhraseMatcher(u), 1.0))
            .Concat(vocabulary.MonthUnits.Select(u => (new PhraseMatcher(u), 1.0 / 12)))
            .Concat(vocabulary.WeekUnits.Select(u => (new PhraseMatcher(u), 1.0 / 52)))
            .OrderByDescending(u => u.Item1.Length)];
        _phrases = [.. vocabulary.Phrases.Select(p => (new PhraseMatcher(p.Key), p.Value)).OrderByDescending(p => p.Item1.Length)];
        _zeroPhrases = [.. vocabulary.ZeroPhrases.Select(p => new PhraseMatcher(p)).OrderByDescending(p => p.Length)];
        _zeroIndex = new PhraseIndex(_zeroPhrases);
        _zeroLimiters = WordsOf(vocabulary.ZeroLimiters);
        _zeroNouns = [.. vocabulary.ZeroNouns.Select(n => new PhraseMatcher(n)).OrderByDescending(n => n.Length)];
        _phraseIndex = new PhraseIndex(_phrases.Select(p => p.Phrase));
        _countWords = WordsOf(vocabulary.CountWords);
        _bridgeWords = WordsOf(vocabulary.BridgeWords);
        _rangeWords = WordsOf(vocabulary.RangeWords);
        _unitBridgeWords = WordsOf(vocabulary.UnitBridgeWords);
        _articles = WordsOf(vocabulary.Articles);
        _numberWords = WordsOf(vocabulary.NumberWords);
        _halfWords = [.. vocabulary.HalfWords.Select(h => new PhraseMatcher(h))];
        _quantityWords = WordsOf([.. vocabulary.NumberWords, .. vocabulary.YearUnits, .. vocabulary.MonthUnits, .. vocabulary.WeekUnits]);
    }

    /// <summary>
    /// "only done ML tutorials", "just a few online courses": a limiter, then within the window and the same clause one
    /// of the nouns for learning without hands-on work, with no number between (so "only 2 years of courses" is left
    /// to the duration readers).
    /// </summary>
    private List<(int Start, int End)> LimitedToNoExperience(IReadOnlyList<string> tokens, ClauseMap clauses, bool[] used)
    {
        var spans = new List<(int, int)>();
        if (_zeroLimiters.Count == 0 || _zeroNouns.Length == 0)
        {
            return spans;
        }

        for (var i = 0; i < tokens.Count; i++)
        {
            if (!_zeroLimiters.Contains(tokens[i]) || used[i])
            {
                continue;
            }

            for (var j = i + 1; j < tokens.Count && j <= i + _vocabulary.ZeroLimiterWindow && clauses.Same(i, j); j++)
            {
                // "only 2 years of courses" is a duration; "just a few courses" is not.
                if (used[j] || tokens[j].Any(char.IsDigit) || UnitAt(tokens, j) is not null)
                {
                    break;
                }

                if (Array.Find(_zeroNouns, n => n.MatchesAt(tokens, j)) is { } noun)
                {
                    spans.Add((i, j + noun.Length - 1));
                    i = j + noun.Length - 1;
                    break;
                }
            }
        }

        return spans;
    }

    /// <summary>A comma or sentence end inside the recognizer's match: "5 years, 9 months" is a list, "1 year and 6 months" one duration.</summary>
    private static bool SpansPunctuation(string text, int start, int end)
    {
        for (var i = Math.Max(0, start); i <= end && i < text.Length; i++)
        {
            // A decimal point ("1.5") or thousands comma ("1,000") sits between digits; a list comma or full stop does not.
            var betweenDigits = i > 0 && i + 1 < text.Length && char.IsDigit(text[i - 1]) && char.IsDigit(text[i + 1]);
            if (text[i] is ',' or ';' or '.' or '!' or '?' or '(' or '/' && !betweenDigits)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A digit, a unit or a number word: without one there is nothing for the recognizers to find.</summary>
    private bool MayHoldQuantity(IReadOnlyList<string> tokens) =>
        tokens.Any(t => t.Any(char.IsDigit) || _quantityWords.Contains(t));

    /// <summary>
    /// Words only the date-time recognizer resolves ("a decade", "eighteen months"): digits with a unit ("4 years",
    /// "18 months") are read by the spellings below, so the recognizer (the costliest step of a turn) is skipped for them;
    /// a compound ("1 year and 6 months") still needs it.
    /// </summary>
    private bool NeedsDateTimeRecognizer(IReadOnlyList<string> tokens) =>
        tokens.Any(_numberWords.Contains) || tokens.Count(t => _quantityWords.Contains(t) && !_numberWords.Contains(t)) > 1;

    /// <summary>Durations in token order; tokens already claimed (by choices) are skipped.</summary>
    public List<DurationCandidate> Find(Utterance utterance, ClauseMap clauses, bool[] claimed)
    {
        var tokens = utterance.Tokens;
        var used = (bool[])claimed.Clone();
        var found = new List<DurationCandidate>();

        foreach (var (index, start) in _zeroIndex.FindAll(tokens))
        {
            var end = start + _zeroPhrases[index].Length - 1;
            if (!AnyUsed(used, start, end))
            {
                found.Add(new DurationCandidate(start, end, 0, HasUnit: true, IsZeroPhrase: true));
                Mark(used, start, end);
            }
        }

        foreach (var (start, end) in LimitedToNoExperience(tokens, clauses, used))
        {
            found.Add(new DurationCandidate(start, end, 0, HasUnit: true, IsZeroPhrase: true));
            Mark(used, start, end);
        }

        var recognize = MayHoldQuantity(tokens);
        var numbers = recognize ? ParseNumbers(utterance) : [];
        foreach (var result in recognize && NeedsDateTimeRecognizer(tokens) ? _recognizers.DateTimes.Parse(utterance.Text) : [])
        {
            var start = utterance.TokenAt(result.Start);
            var end = utterance.TokenAt(result.End);
            // "5 years, 9 months of ML" is two durations about two things; the recognizer joins them into one. Left to
            // the spellings below, each part is read on its own and tied to its own clause.
            if (AnyUsed(used, start, end) || SpansPunctuation(utterance.Text, result.Start, result.End))
            {
                continue;
            }

            // A calendar year or date ("in 2024") is no duration, and its number is no answer either.
            Mark(used, start, end);
            if (ReadTimex(result) is not { } duration)
            {
                continue;
            }

            var years = duration.Years + HalfLeftOut(tokens, end, duration.Years, duration.UnitYears);
            if (duration.Modifier == "less")
            {
                years /= 2; // "less than a year": half, so experience is never overstated.
            }

            var first = start;
            if (duration.UnitYears is { } perUnit && FindRangeStart(utterance, numbers, used, start, duration.Years / perUnit) is { } low)
            {
                var lower = low.Value * perUnit;
                years = _vocabulary.Range == RangeRule.Lower ? lower : (lower + years) / 2;
                first = low.Start;
                Mark(used, first, start);
            }

            found.Add(new DurationCandidate(first, end, years, HasUnit: true));
        }

        foreach (var (index, start) in _phraseIndex.FindAll(tokens))
        {
            var (phrase, value) = _phrases[index];
            var end = start + phrase.Length - 1;
            if (!AnyUsed(used, start, end))
            {
                Mark(used, start, end);
                // "year and a half" carries its unit; "none" does not.
                var hasUnit = Enumerable.Range(start, phrase.Length).Any(i => UnitAt(tokens, i) is not null);
                found.Add(WithUnit(tokens, new DurationCandidate(start, end, value, HasUnit: hasUnit), used));
            }
        }

        var pending = numbers.Where(n => !AnyUsed(used, n.Start, n.End)).ToList();
        for (var i = 0; i < pending.Count; i++)
        {
            var number = pending[i];
            Mark(used, number.Start, number.End);
            var candidate = WithUnit(tokens, new DurationCandidate(number.Start, number.End, number.Value, HasUnit: false), used);

            // "2-3 yrs": the recognizer missed the unit spelling, so the range is two numbers and a unit.
            if (candidate.HasUnit && i > 0 && IsRangeBefore(utterance, pending[i - 1], number.Start, number.Value))
            {
                var low = pending[i - 1];
                var perUnit = candidate.Years / number.Value;
                var lower = low.Value * perUnit;
                candidate = candidate with
                {
                    Start = low.Start,
                    Years = _vocabulary.Range == RangeRule.Lower ? lower : (lower + candidate.Years) / 2,
                };
                found.RemoveAll(f => f.Start == low.Start && !f.HasUnit);
            }

            if (!candidate.HasUnit && IsCount(tokens, clauses, candidate))
            {
                continue;
            }

            found.Add(candidate);
        }

        // "an year of ML": an article and a unit the recognizer did not take mean one.
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            if (_articles.Contains(tokens[i]) && !used[i] && !used[i + 1] && UnitAt(tokens, i + 1) is { } unit)
            {
                found.Add(new DurationCandidate(i, i + unit.Length, unit.Years, HasUnit: true));
                Mark(used, i, i + unit.Length);
            }
        }

        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        return found;
    }

    /// <summary>
    /// Half a unit when the recognizer's match ends with a half word its TIMEX did not count: a whole number of one unit
    /// ("deux ans et demi" read as P2Y). A TIMEX that counted it (P2.5Y) or mixes units is left as it is.
    /// </summary>
    private double HalfLeftOut(IReadOnlyList<string> tokens, int end, double years, double? unitYears)
    {
        if (unitYears is not { } unit || _halfWords.Length == 0)
        {
            return 0;
        }

        var count = years / unit;
        var whole = Math.Abs(count - Math.Round(count)) < 1e-9;
        return whole && Array.Exists(_halfWords, h => end - h.Length + 1 >= 0 && h.MatchesAt(tokens, end - h.Length + 1)) ? unit / 2 : 0;
    }

    private static (double Years, double? UnitYears, string? Modifier)? ReadTimex(Microsoft.Recognizers.Text.ModelResult result)
    {
        if (result.Resolution is null
            || !result.Resolution.TryGetValue("values", out var raw)
            || raw is not IList<Dictionary<string, string>> values
            || values.Count == 0
            || !values[0].TryGetValue("timex", out var timex))
        {
            return null;
        }

        var years = TimexDuration.ToYears(timex);
        values[0].TryGetValue("Mod", out var modifier);
        return years is { } y ? (y.Years, y.UnitYears, modifier) : null;
    }

    private List<(int Start, int End, double Value)> ParseNumbers(Utterance utterance)
    {
        var numbers = new List<(int Start, int End, double Value)>();
        foreach (var result in _recognizers.Numbers.Parse(utterance.Text))
        {
            if (result.Resolution is null
                || !result.Resolution.TryGetValue("value", out var raw)
                || !double.TryParse(raw?.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                continue;
            }

            numbers.Add((utterance.TokenAt(result.Start), utterance.TokenAt(result.End), value));
        }

        numbers.Sort((a, b) => a.Start.CompareTo(b.Start));
        return numbers;
    }

    /// <summary>The lower number of a range ending in the duration at durationStart ("2 3 years", "2 to 3 years").</summary>
    private (int Start, double Value)? FindRangeStart(
        Utterance utterance, List<(int Start, int End, double Value)> numbers, bool[] used, int durationStart, double high)
    {
        foreach (var number in numbers)
        {
            if (number.End < durationStart && !AnyUsed(used, number.Start, number.End) && IsRangeBefore(utterance, number, durationStart, high))
            {
                return (number.Start, number.Value);
            }
        }

        return null;
    }

    /// <summary>"2 3 years" (the dash is gone), "2 to 3 years": a smaller number right before, in the same clause ("team of 5, 3 years" is none).</summary>
    private bool IsRangeBefore(Utterance utterance, (int Start, int End, double Value) low, int highStart, double high)
    {
        if (low.Value >= high || Enumerable.Range(low.End + 1, highStart - low.End).Any(i => utterance.BreakBefore[i]))
        {
            return false;
        }

        return low.End == highStart - 1 || (low.End == highStart - 2 && _rangeWords.Contains(utterance.Tokens[highStart - 1]));
    }

    /// <summary>"2 kids", "40 models", "top 3", "team of 5", "python 3": a count, never an answer.</summary>
    private bool IsCount(IReadOnlyList<string> tokens, ClauseMap clauses, DurationCandidate candidate)
    {
        // A bare number followed by a noun counts that noun; "1 on GCP", "1 of those" are followed by a bridge word.
        var next = candidate.End + 1;
        if (next < tokens.Count && clauses.Same(next, candidate.Start) && !_bridgeWords.Contains(tokens[next])
            && !_countWords.Contains(tokens[next]) && UnitAt(tokens, next) is null)
        {
            return true;
        }

        foreach (var i in new[] { candidate.Start - 2, candidate.Start - 1, candidate.End + 1 })
        {
            if (i >= 0 && i < tokens.Count && clauses.Same(i, candidate.Start) && _countWords.Contains(tokens[i]))
            {
                return true;
            }
        }

        return false;
    }

    private DurationCandidate WithUnit(IReadOnlyList<string> tokens, DurationCandidate candidate, bool[] used)
    {
        var next = candidate.End + 1;
        for (var bridged = 0; bridged <= 2 && next < tokens.Count; bridged++)
        {
            if (!used[next] && UnitAt(tokens, next) is { } unit)
            {
                Mark(used, next, next + unit.Length - 1);
                return candidate with { End = next + unit.Length - 1, Years = candidate.Years * unit.Years, HasUnit = true };
            }

            if (!_unitBridgeWords.Contains(tokens[next]))
            {
                break;
            }

            next++;
        }

        return candidate;
    }

    private (double Years, int Length)? UnitAt(IReadOnlyList<string> tokens, int index)
    {
        foreach (var (unit, years) in _units)
        {
            if (unit.MatchesAt(tokens, index))
            {
                return (years, unit.Length);
            }
        }

        return null;
    }

    private static HashSet<string> WordsOf(IReadOnlyList<string> phrases) =>
        new(phrases.SelectMany(p => Utterance.Parse(p).Tokens), StringComparer.Ordinal);

    private static bool AnyUsed(bool[] used, int start, int end)
    {
        for (var i = Math.Max(0, start); i <= end && i < used.Length; i++)
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
        for (var i = Math.Max(0, start); i <= end && i < used.Length; i++)
        {
            used[i] = true;
        }
    }
}

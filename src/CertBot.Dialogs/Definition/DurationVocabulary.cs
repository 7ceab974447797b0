namespace CertBot.Dialogs.Definition;

/// <summary>What the duration recognizer needs help with: unit spellings it misses, zero-experience wordings, ranges.</summary>
/// <param name="Phrases">Phrases such as "none" or "a couple of" and the number each stands for.</param>
/// <param name="MaxWordsAroundBareAnswer">A sentence with one number and at most this many other words answers the pending question.</param>
public sealed record DurationVocabulary(
    IReadOnlyList<string> YearUnits,
    IReadOnlyList<string> MonthUnits,
    IReadOnlyList<string> WeekUnits,
    IReadOnlyDictionary<string, double> Phrases,
    int MaxWordsAroundBareAnswer)
{
    /// <summary>How "2-3 years" resolves.</summary>
    public RangeRule Range { get; init; } = RangeRule.Lower;

    /// <summary>Words that negate a nearby experience cue ("no", "never", "zero"): "zero ML" is 0 years of ML.</summary>
    public IReadOnlyList<string> NegationWords { get; init; } = [];

    /// <summary>How many words a negation word may sit from the cue it negates, within one clause.</summary>
    public int NegationWindow { get; init; } = 4;

    /// <summary>Phrases that mean no real experience yet ("only tutorials", "a couple of tutorials").</summary>
    public IReadOnlyList<string> ZeroPhrases { get; init; } = [];

    /// <summary>Words that limit what follows to no real experience ("only", "just") when one of <see cref="ZeroNouns"/> follows.</summary>
    public IReadOnlyList<string> ZeroLimiters { get; init; } = [];

    /// <summary>What people learn from without hands-on work ("tutorials", "courses").</summary>
    public IReadOnlyList<string> ZeroNouns { get; init; } = [];

    /// <summary>The most words from a limiter to its noun ("just followed a few courses": 4).</summary>
    public int ZeroLimiterWindow { get; init; } = 3;

    /// <summary>Words a cue may skip over on its way to a duration ("5 years as a data scientist").</summary>
    public IReadOnlyList<string> BridgeWords { get; init; } = [];

    /// <summary>Words joining the two numbers of a range ("2 to 3 years"); a dash needs none.</summary>
    public IReadOnlyList<string> RangeWords { get; init; } = [];

    /// <summary>Words allowed between a number and its unit ("2 full years", "5 or more years").</summary>
    public IReadOnlyList<string> UnitBridgeWords { get; init; } = [];

    /// <summary>Articles that stand for one before a unit the recognizer missed ("an year").</summary>
    public IReadOnlyList<string> Articles { get; init; } = [];

    /// <summary>
    /// Words ending a duration that add half of its unit when the recognizer's TIMEX leaves them out: fr-fr reads
    /// "deux ans et demi" as P2Y. English needs none ("two and a half years" is P2.5Y).
    /// </summary>
    public IReadOnlyList<string> HalfWords { get; init; } = [];

    /// <summary>
    /// Words that can start a spelled-out quantity ("three", "half", "decade"). A message with no digit, no unit and
    /// none of these holds no duration, so the recognizers (about a millisecond and 200 KB a call) are not run on it.
    /// </summary>
    public IReadOnlyList<string> NumberWords { get; init; } = [];

    /// <summary>Words next to a bare number that make it a count ("2 kids", "top 3"), never an answer.</summary>
    public IReadOnlyList<string> CountWords { get; init; } = [];
}

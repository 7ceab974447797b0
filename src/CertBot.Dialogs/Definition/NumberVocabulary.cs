namespace CertBot.Dialogs.Definition;

/// <summary>Unit words and number phrases the number recognizer needs help with.</summary>
/// <param name="Phrases">Phrases such as "none" or "a couple of" and the number each stands for.</param>
/// <param name="MaxWordsAroundBareAnswer">A sentence with one number and at most this many other words answers the pending question.</param>
public sealed record NumberVocabulary(
    IReadOnlyList<string> YearUnits,
    IReadOnlyList<string> MonthUnits,
    IReadOnlyDictionary<string, double> Phrases,
    int MaxWordsAroundBareAnswer);

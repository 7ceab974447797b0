using CertBot.Knowledge.Model;

namespace CertBot.Knowledge.Faq;

/// <summary>The matcher's decision for one utterance; <see cref="NearestFaqId"/> is always the best candidate, for curator reports.</summary>
public sealed record FaqMatch(
    FaqMatchKind Kind,
    FaqEntry? Entry,
    double Confidence,
    IReadOnlyList<FaqEntry> Suggestions,
    string? NearestFaqId);

using CertBot.Knowledge.Model;

namespace CertBot.Knowledge.Faq;

/// <summary>The matcher's decision for one utterance; <see cref="NearestFaqId"/> is always the best candidate, for curator reports.</summary>
public sealed record FaqMatch(
    FaqMatchKind Kind,
    FaqEntry? Entry,
    double Confidence,
    IReadOnlyList<FaqEntry> Suggestions,
    string? NearestFaqId)
{
    /// <summary>Which part of the matcher decided.</summary>
    public FaqMatchPath Path { get; init; } = FaqMatchPath.Lexical;

    /// <summary>For <see cref="FaqMatchKind.NotHeld"/>: what is missing and where to look instead.</summary>
    public FaqDetailGap? Gap { get; init; }

    /// <summary>How the answer was fitted to the person's profile, if at all.</summary>
    public FaqPersonalisation Personalisation { get; init; }
}

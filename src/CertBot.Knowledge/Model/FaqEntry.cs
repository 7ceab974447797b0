namespace CertBot.Knowledge.Model;

/// <summary>A curated question with its phrasings, a card-ready markdown answer and cross references.</summary>
public sealed record FaqEntry(
    string Id,
    string Question,
    IReadOnlyList<string> Alternatives,
    string Answer,
    IReadOnlyList<string> Related,
    IReadOnlyList<string> RelatedCredentials,
    IReadOnlyList<SourceLink> Sources,
    DateOnly LastVerified);

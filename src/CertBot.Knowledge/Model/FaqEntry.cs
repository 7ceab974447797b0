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
    DateOnly LastVerified)
{
    /// <summary>
    /// The longest <see cref="Title"/> the validator accepts: Teams truncates long button labels, and this is the budget
    /// that keeps the did-you-mean and related-question buttons readable in full.
    /// </summary>
    public const int MaxTitleLength = 40;

    /// <summary>
    /// A short plain-words label for buttons that offer this entry (e.g. "What the exams cost"); the full
    /// <see cref="Question"/> stays the answer card's heading. Empty when the file gives none, which the validator reports.
    /// </summary>
    public string Title { get; init; } = string.Empty;

    /// <summary>
    /// Ids of <see cref="DetailTopic"/>s a question near this entry could ask for but its answer does not give
    /// (e.g. exam-cost gives no regional prices), so the bot can say so rather than answer with this entry.
    /// </summary>
    public IReadOnlyList<string> NotCovered { get; init; } = [];

    /// <summary>
    /// The general entry this one is a vendor's version of (aws-prep-time is the AWS version of prep-time), so a
    /// question that names a vendor gets that vendor's version and one that names none gets the general entry.
    /// </summary>
    public string? VersionOf { get; init; }

    /// <summary>The persona this entry is written for (the learning-path entries), so a question from another persona gets theirs.</summary>
    public Role? Persona { get; init; }

    /// <summary>
    /// The credentials this entry introduces ("what is AI-103?" is answered by the Azure AI engineer entry), so a question
    /// that names one of them and asks nothing more specific gets this entry.
    /// </summary>
    public IReadOnlyList<string> OverviewOf { get; init; } = [];

    /// <summary>
    /// The entry compares kinds of credential (vendor exam or course certificate, ML engineering or data science), so it
    /// never answers what is asked about one named credential, however near the wording once the name is set aside.
    /// </summary>
    public bool AboutKinds { get; init; }

    /// <summary>
    /// A line that fits this general answer to a person whose target cloud is known, with <c>{cloud}</c> and
    /// <c>{credential}</c> placeholders ("Your target employer uses {cloud}, so start with {credential}."); null when the
    /// answer does not depend on the person.
    /// </summary>
    public string? ForProfile { get; init; }
}

using CertBot.Knowledge.Model;

namespace CertBot.Knowledge.Loading;

/// <summary>
/// The outcome of loading a knowledge in every language it has text for: one <see cref="KnowledgeBase"/> per locale
/// (English always) when no locale has errors, and one report with every problem of every file, each once.
/// </summary>
public sealed record LocalizedKnowledgeLoadResult(IReadOnlyDictionary<string, KnowledgeBase>? Knowledge, ValidationReport Report)
{
    /// <summary>True when a file has at least one error (then <see cref="Knowledge"/> is null).</summary>
    public bool HasErrors => Report.HasErrors;
}

using CertBot.Knowledge.Model;

namespace CertBot.Knowledge.Loading;

/// <summary>The outcome of loading a knowledge file: the knowledge when it has no errors, and the full report.</summary>
public sealed record KnowledgeLoadResult(KnowledgeBase? Knowledge, ValidationReport Report)
{
    /// <summary>True when the file has at least one error (then <see cref="Knowledge"/> is null).</summary>
    public bool HasErrors => Report.HasErrors;
}

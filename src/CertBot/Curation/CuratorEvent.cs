namespace CertBot.Curation;

/// <summary>Kinds of signal curators act on.</summary>
public static class CuratorEventKinds
{
    public const string Unanswered = "unanswered";
    public const string LowConfidence = "low-confidence";
    public const string NotHelpful = "not-helpful";
    public const string Helpful = "helpful";
}

/// <summary>One grouped signal: the normalised question (never who asked), how often, and the nearest FAQ id.</summary>
public sealed record CuratorEvent(string Kind, string Text, string? NearestFaqId, int Count, DateTimeOffset FirstSeen, DateTimeOffset LastSeen);

/// <summary>Every grouped signal, as the report reads it (and as the single document of earlier versions stored it).</summary>
public sealed class CuratorEvents
{
    public List<CuratorEvent> Events { get; set; } = [];
}

/// <summary>One stored signal: a document of its own, written once, so no turn ever rewrites a shared document.</summary>
public sealed record CuratorRecord(string Kind, string Text, string? NearestFaqId, DateTimeOffset At);

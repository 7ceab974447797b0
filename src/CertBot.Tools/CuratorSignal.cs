namespace CertBot.Tools;

/// <summary>One grouped curator signal as the report shows it: the normalised words (never who), how often, the nearest FAQ id.</summary>
public sealed record CuratorSignal(CuratorSignalKind Kind, string Text, string? NearestFaqId, int Count, DateTimeOffset LastSeen);

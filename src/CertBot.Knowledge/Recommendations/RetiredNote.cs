namespace CertBot.Knowledge.Recommendations;

/// <summary>A retired credential the source article would have recommended, with the date it retired and its current successor.</summary>
public sealed record RetiredNote(string RetiredId, DateOnly? RetiredOn, string SuccessorId);

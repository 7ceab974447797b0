namespace CertBot.Protocol.Serialization;

/// <summary>An RFC 9457 problem body for rejected requests; carries no internal detail.</summary>
public sealed record ProblemDocument(string Type, string Title, int Status, string? Detail = null);

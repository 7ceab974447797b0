namespace CertBot.Protocol.Schema;

/// <summary>What the Connector returns for a sent activity: the id the channel gave it.</summary>
public sealed record ResourceResponse(string? Id);

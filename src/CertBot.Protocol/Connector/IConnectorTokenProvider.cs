namespace CertBot.Protocol.Connector;

/// <summary>Supplies the bearer token for Connector calls; null in local mode (no app id).</summary>
public interface IConnectorTokenProvider
{
    Task<string?> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken);
}

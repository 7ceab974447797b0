using CertBot.Protocol.Configuration;
using CertBot.Protocol.State;
using CertBot.Storage.AzureBlob;
using CertBot.Storage.Sqlite;

namespace CertBot.Hosting;

/// <summary>Plugs in the state store named by <c>Storage:Provider</c>; each provider lives in its own project.</summary>
public static class StorageServiceExtensions
{
    public static IServiceCollection AddCertBotStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddValidatedOptions<StorageOptions, StorageOptionsValidator>(configuration, StorageOptions.SectionName);

        var provider = configuration[$"{StorageOptions.SectionName}:{nameof(StorageOptions.Provider)}"];
        return provider switch
        {
            _ when Is(provider, StorageOptions.AzureBlob) => services.AddCertBotAzureBlobStorage(configuration),
            _ when Is(provider, StorageOptions.Memory) => services.AddCertBotMemoryStorage(),
            // Sqlite, the default; an unknown name fails validation at start-up before any turn runs.
            _ => services.AddCertBotSqliteStorage(configuration),
        };
    }

    internal static bool IsKnown(string? provider) =>
        Is(provider, StorageOptions.Sqlite) || Is(provider, StorageOptions.AzureBlob) || Is(provider, StorageOptions.Memory);

    private static bool Is(string? provider, string name) => string.Equals(provider ?? StorageOptions.Sqlite, name, StringComparison.OrdinalIgnoreCase);
}

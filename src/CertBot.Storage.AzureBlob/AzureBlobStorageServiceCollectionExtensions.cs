using CertBot.Protocol.Configuration;
using CertBot.Protocol.State;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CertBot.Storage.AzureBlob;

/// <summary>Registers the blob store (<c>Storage:Provider=AzureBlob</c>, settings under <c>Storage:AzureBlob</c>).</summary>
public static class AzureBlobStorageServiceCollectionExtensions
{
    public static IServiceCollection AddCertBotAzureBlobStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        return services
            .AddValidatedOptions<AzureBlobStorageOptions, AzureBlobStorageOptionsValidator>(configuration, AzureBlobStorageOptions.SectionName)
            .AddCertBotStorage<AzureBlobStorage>();
    }
}

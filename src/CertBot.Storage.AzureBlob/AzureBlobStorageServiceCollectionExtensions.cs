using CertBot.Protocol.State;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CertBot.Storage.AzureBlob;

/// <summary>Registers the blob store (<c>Storage:Provider=AzureBlob</c>, settings under <c>Storage:AzureBlob</c>).</summary>
public static class AzureBlobStorageServiceCollectionExtensions
{
    public static IServiceCollection AddCertBotAzureBlobStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<AzureBlobStorageOptions>()
            .Bind(configuration.GetSection(AzureBlobStorageOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<AzureBlobStorageOptions>, AzureBlobStorageOptionsValidator>();
        return services.AddCertBotStorage<AzureBlobStorage>();
    }
}

using Microsoft.Extensions.Options;

namespace CertBot.Hosting;

/// <summary>Rejects an unknown storage provider at start-up.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return StorageServiceExtensions.IsKnown(options.Provider)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Storage:Provider must be {StorageOptions.Sqlite}, {StorageOptions.AzureBlob} or {StorageOptions.Memory}.");
    }
}

using Microsoft.Extensions.Options;

namespace CertBot.Protocol.Configuration;

/// <summary>Rejects an unknown storage provider at start-up.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.Equals(options.Provider, "Sqlite", StringComparison.OrdinalIgnoreCase)
            && !string.Equals(options.Provider, "Memory", StringComparison.OrdinalIgnoreCase))
        {
            return ValidateOptionsResult.Fail("Storage:Provider must be Sqlite or Memory.");
        }

        return string.IsNullOrWhiteSpace(options.SqlitePath)
            ? ValidateOptionsResult.Fail("Storage:SqlitePath must not be empty.")
            : ValidateOptionsResult.Success;
    }
}

using Microsoft.Extensions.Options;

namespace CertBot.Storage.Sqlite;

/// <summary>Rejects an empty SQLite path at start-up.</summary>
internal sealed class SqliteStorageOptionsValidator : IValidateOptions<SqliteStorageOptions>
{
    public ValidateOptionsResult Validate(string? name, SqliteStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return string.IsNullOrWhiteSpace(options.SqlitePath)
            ? ValidateOptionsResult.Fail("Storage:SqlitePath must not be empty.")
            : ValidateOptionsResult.Success;
    }
}

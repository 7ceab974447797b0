using CertBot.Protocol.Configuration;
using CertBot.Protocol.State;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CertBot.Storage.Sqlite;

/// <summary>Registers the SQLite store (<c>Storage:Provider=Sqlite</c>).</summary>
public static class SqliteStorageServiceCollectionExtensions
{
    public static IServiceCollection AddCertBotSqliteStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        return services
            .AddValidatedOptions<SqliteStorageOptions, SqliteStorageOptionsValidator>(configuration, SqliteStorageOptions.SectionName)
            .AddCertBotStorage<SqliteStorage>();
    }
}

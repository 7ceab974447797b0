using CertBot.Protocol.State;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CertBot.Storage.Sqlite;

/// <summary>Registers the SQLite store (<c>Storage:Provider=Sqlite</c>).</summary>
public static class SqliteStorageServiceCollectionExtensions
{
    public static IServiceCollection AddCertBotSqliteStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SqliteStorageOptions>()
            .Bind(configuration.GetSection(SqliteStorageOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<SqliteStorageOptions>, SqliteStorageOptionsValidator>();
        return services.AddCertBotStorage<SqliteStorage>();
    }
}

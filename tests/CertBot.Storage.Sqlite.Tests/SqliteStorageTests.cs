using CertBot.Protocol.State;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CertBot.Storage.Sqlite.Tests;

/// <summary>What only the SQLite provider promises: the file outlives the process, WAL mode, its setup extension.</summary>
public sealed class SqliteStorageTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "certbot-sqlite-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task NewInstanceOnSameFile_SeesData_AndUsesWal()
    {
        var options = Options.Create(new SqliteStorageOptions { SqlitePath = Path.Combine(_directory, "restart.db") });
        using (var first = new SqliteStorage(options))
        {
            await first.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = new("{\"kept\":true}", null) });
        }

        using var second = new SqliteStorage(options);
        var read = await second.ReadAsync(["k"]);

        Assert.Equal("{\"kept\":true}", read["k"].Json);
        await using var connection = new SqliteConnection($"Data Source={options.Value.SqlitePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    [Fact]
    public void AddCertBotSqliteStorage_BindsPathAndRegistersTheStore()
    {
        var path = Path.Combine(_directory, "bound.db");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:SqlitePath"] = path }).Build();
        using var services = new ServiceCollection().AddCertBotSqliteStorage(configuration).BuildServiceProvider();

        Assert.IsType<SqliteStorage>(services.GetRequiredService<IStorage>());
        Assert.Equal(path, services.GetRequiredService<IOptions<SqliteStorageOptions>>().Value.SqlitePath);
    }

    [Fact]
    public void Validate_EmptyPath_Fails()
    {
        var result = new SqliteStorageOptionsValidator().Validate(null, new SqliteStorageOptions { SqlitePath = " " });

        Assert.True(result.Failed);
        Assert.Contains("Storage:SqlitePath", result.FailureMessage, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}

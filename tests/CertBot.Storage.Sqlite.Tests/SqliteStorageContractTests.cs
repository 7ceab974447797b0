using CertBot.Protocol.State;
using CertBot.Storage.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace CertBot.Storage.Sqlite.Tests;

/// <summary>The shared IStorage contract on a fresh SQLite file in a nested folder that does not exist yet.</summary>
public sealed class SqliteStorageContractTests : StorageContractTests, IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "certbot-sqlite-" + Guid.NewGuid().ToString("N"));
    private readonly List<SqliteStorage> _stores = [];

    protected override IStorage CreateStorage()
    {
        var storage = new SqliteStorage(Options.Create(new SqliteStorageOptions { SqlitePath = Path.Combine(_directory, "nested", $"state-{_stores.Count}.db") }));
        _stores.Add(storage);
        return storage;
    }

    public void Dispose()
    {
        foreach (var store in _stores)
        {
            store.Dispose();
        }

        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}

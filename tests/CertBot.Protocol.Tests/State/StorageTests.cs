using CertBot.Protocol.Configuration;
using CertBot.Protocol.State;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace CertBot.Protocol.Tests.State;

/// <summary>The same contract checks against both providers.</summary>
public sealed class StorageTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "certbot-storage-" + Guid.NewGuid().ToString("N"));

    public static TheoryData<string> Providers => new() { "Memory", "Sqlite" };

    private IStorage Create(string provider) => provider == "Memory"
        ? new MemoryStorage()
        : new SqliteStorage(Options.Create(new StorageOptions { SqlitePath = Path.Combine(_directory, "nested", "state.db") }));

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task WriteAsync_ThenRead_ReturnsJsonAndNewETag(string provider)
    {
        var storage = Create(provider);

        var etags = await storage.WriteAsync(new Dictionary<string, StoreItem> { ["k1"] = new("{\"a\":1}", null) });
        var read = await storage.ReadAsync(["k1", "missing"]);

        var item = Assert.Single(read).Value;
        Assert.Equal("{\"a\":1}", item.Json);
        Assert.Equal(etags["k1"], item.ETag);
        Assert.False(string.IsNullOrEmpty(item.ETag));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task WriteAsync_EachWrite_GetsDifferentETag(string provider)
    {
        var storage = Create(provider);

        var first = await storage.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = new("{}", null) });
        var second = await storage.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = new("{}", first["k"]) });

        Assert.NotEqual(first["k"], second["k"]);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task WriteAsync_StaleETag_ThrowsAndWritesNothing(string provider)
    {
        var storage = Create(provider);
        var v1 = await storage.WriteAsync(new Dictionary<string, StoreItem> { ["a"] = new("1", null), ["b"] = new("1", null) });
        await storage.WriteAsync(new Dictionary<string, StoreItem> { ["b"] = new("2", v1["b"]) });

        await Assert.ThrowsAsync<StorageConcurrencyException>(() => storage.WriteAsync(new Dictionary<string, StoreItem>
        {
            ["a"] = new("3", v1["a"]),
            ["b"] = new("3", v1["b"]),
        }));

        var read = await storage.ReadAsync(["a", "b"]);
        Assert.Equal("1", read["a"].Json);
        Assert.Equal("2", read["b"].Json);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task WriteAsync_ETagForMissingDocument_Throws(string provider)
    {
        var storage = Create(provider);

        await Assert.ThrowsAsync<StorageConcurrencyException>(() =>
            storage.WriteAsync(new Dictionary<string, StoreItem> { ["nope"] = new("{}", "some-etag") }));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task WriteAsync_StarETag_OverwritesUnconditionally(string provider)
    {
        var storage = Create(provider);
        await storage.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = new("1", null) });

        await storage.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = new("2", "*") });

        Assert.Equal("2", (await storage.ReadAsync(["k"]))["k"].Json);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task DeleteAsync_RemovesOnlyGivenKeys(string provider)
    {
        var storage = Create(provider);
        await storage.WriteAsync(new Dictionary<string, StoreItem> { ["x"] = new("1", null), ["y"] = new("1", null) });

        await storage.DeleteAsync(["x"]);

        Assert.Equal(["y"], (await storage.ReadAsync(["x", "y"])).Keys);
        Assert.True(await storage.PingAsync());
    }

    [Fact]
    public async Task SqliteStorage_NewInstanceOnSameFile_SeesData_AndUsesWal()
    {
        var options = Options.Create(new StorageOptions { SqlitePath = Path.Combine(_directory, "restart.db") });
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

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}

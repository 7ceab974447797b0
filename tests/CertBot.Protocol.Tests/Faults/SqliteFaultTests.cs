using System.Net;
using CertBot.Protocol.State;
using CertBot.Protocol.Tests.Infrastructure;
using CertBot.Storage.Sqlite;
using CertBot.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CertBot.Protocol.Tests.Faults;

/// <summary>
/// Issue 10's SQLite rows: a deleted or replaced file, a full disk, a read-only database and an unwritable -shm each
/// turn the state-writing turn into a 503 and /readyz red (never a silent success), and the store serves again by
/// itself once the fault is mended. On the fake clock: the store's checks run at most once per
/// <see cref="SqliteStorage.VerifyInterval"/>, and the tests move the clock by exactly that instead of waiting it out.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SqliteFaultTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"certbot-sqlite-{Guid.NewGuid():N}");
    private readonly ObservableClock _clock = new();
    private string DbPath => Path.Combine(_folder, "state.db");

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        foreach (var file in Directory.Exists(_folder) ? Directory.GetFiles(_folder) : [])
        {
            FileFaults.MakeWritable(file);
        }

        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }

        return Task.CompletedTask;
    }

    [Fact]
    public async Task Post_DataFolderDeletedWhileRunning_503AndRedUntilRestored()
    {
        await using var host = await StartAsync(DbPath);
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(host.Message("count", "a:c1"))).StatusCode);
        var backup = Path.Combine(Path.GetTempPath(), $"certbot-backup-{Guid.NewGuid():N}.db");
        await BackupAsync(DbPath, backup);

        Directory.Delete(_folder, recursive: true);

        await AssertUnavailableAsync(host);
        Directory.CreateDirectory(_folder);
        File.Move(backup, DbPath);
        await AssertServesAgainAsync(host);
    }

    [Fact]
    public async Task Post_DatabaseFileReplaced_503AndRedUntilTheOriginalIsBack()
    {
        await using var host = await StartAsync(DbPath);
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(host.Message("count", "a:c1"))).StatusCode);
        var original = DbPath + ".original";
        await BackupAsync(DbPath, original);
        var other = Path.Combine(_folder, "other.db");
        using (var storage = new SqliteStorage(Options.Create(new SqliteStorageOptions { SqlitePath = other })))
        {
            await storage.WriteAsync(new Dictionary<string, StoreItem> { ["x"] = new("{}", null) });
        }

        SqliteConnection.ClearPool(new SqliteConnection($"Data Source={other}"));
        File.Move(other, DbPath, overwrite: true);
        // A file renamed over the database is noticed by the identity check, which runs once per VerifyInterval.
        _clock.Advance(SqliteStorage.VerifyInterval);

        await AssertUnavailableAsync(host);
        File.Move(original, DbPath, overwrite: true);
        await AssertServesAgainAsync(host);
    }

    [Fact]
    public async Task Post_DatabaseMadeReadOnlyThenWritable_503ThenServesWithoutRestart()
    {
        await using var host = await StartAsync(DbPath);
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(host.Message("count", "a:c1"))).StatusCode);
        // The database and its WAL; the -shm is mapped already, and an immutable mapped file hangs SQLite (see README).
        var files = Directory.GetFiles(_folder).Where(f => !f.EndsWith("-shm", StringComparison.Ordinal)).ToArray();

        foreach (var file in files)
        {
            FileFaults.MakeUnwritable(file);
        }

        await AssertUnavailableAsync(host);
        foreach (var file in files)
        {
            FileFaults.MakeWritable(file);
        }

        await AssertServesAgainAsync(host);
    }

    [Fact]
    public async Task Post_DiskFull_503ThenServesWhenSpaceIsBack()
    {
        var disk = FileFaults.MountSmallDisk(2);
        if (disk is null)
        {
            // Filling a real disk needs a small mount, which only root may make; CI runs as root.
            Assert.False(FileFaults.IsRoot, "root could not mount a tmpfs");
            return;
        }

        try
        {
            await using var host = await StartAsync(Path.Combine(disk, "state.db"));
            Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(host.Message("count", "a:c1"))).StatusCode);
            var filler = FileFaults.Fill(disk);

            using var grow = await host.PostAsync(host.Message("grow", "a:big"));

            Assert.Equal(HttpStatusCode.ServiceUnavailable, grow.StatusCode);
            await AssertUnavailableAsync(host);
            File.Delete(filler);
            await AssertServesAgainAsync(host);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            FileFaults.Unmount(disk);
        }
    }

    [Fact]
    public async Task Storage_UnwritableShmFile_RefusedWithoutCrashingThenServes()
    {
        using (var first = new SqliteStorage(Options.Create(new SqliteStorageOptions { SqlitePath = DbPath })))
        {
            await first.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = new("{\"n\":1}", null) });
        }

        SqliteConnection.ClearAllPools();
        var shm = DbPath + "-shm";
        await File.WriteAllBytesAsync(shm, []);
        FileFaults.MakeUnwritable(shm);

        using var storage = new SqliteStorage(Options.Create(new SqliteStorageOptions { SqlitePath = DbPath }), _clock);
        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() => storage.ReadAsync(["k"]));
        Assert.Contains("-shm", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<StorageUnavailableException>(() => storage.WriteAsync(new Dictionary<string, StoreItem> { ["p"] = new("{}", StoreETags.Any) }));

        FileFaults.MakeWritable(shm);
        // A faulted store probes again once VerifyInterval has passed since its last probe.
        Assert.False(await ServesAsync(storage));
        _clock.Advance(SqliteStorage.VerifyInterval);
        Assert.True(await ServesAsync(storage));
        Assert.Equal("{\"n\":1}", (await storage.ReadAsync(["k"]))["k"].Json);
    }

    /// <summary>The readiness question asked the way /readyz asks it: does a write go through now?</summary>
    private static async Task<bool> ServesAsync(SqliteStorage storage)
    {
        try
        {
            await storage.WriteAsync(new Dictionary<string, StoreItem> { ["p"] = new("{}", StoreETags.Any) });
            return true;
        }
        catch (StorageUnavailableException)
        {
            return false;
        }
    }

    private Task<BotHost> StartAsync(string path) => BotHost.StartAsync(
        settings: new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Sqlite",
            ["Storage:SqlitePath"] = path,
        },
        clock: _clock);

    private static async Task BackupAsync(string path, string to)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "VACUUM INTO $to";
        command.Parameters.AddWithValue("$to", to);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task AssertUnavailableAsync(BotHost host)
    {
        var turnsBefore = host.Probe.Turns;
        using var response = await host.PostAsync(host.Message("count", "a:c1"));
        using var ready = await host.Client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("Exception", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("storage: Unhealthy", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(host.Probe.Turns <= turnsBefore + 1);
    }

    private async Task AssertServesAgainAsync(BotHost host)
    {
        // The faulted store probes the file again once VerifyInterval has passed since its last probe.
        _clock.Advance(SqliteStorage.VerifyInterval);
        using var ready = await host.Client.GetAsync("/readyz");
        Assert.True(ready.StatusCode == HttpStatusCode.OK, await ready.Content.ReadAsStringAsync());
        using var response = await host.PostAsync(host.Message("count", "a:c1"));
        Assert.True(response.StatusCode == HttpStatusCode.OK, string.Join("\n", host.Logs.GetSnapshot().TakeLast(3).Select(r => $"{r.Level}: {r.Message}")));
    }
}

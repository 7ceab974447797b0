using System.Globalization;
using System.Runtime.CompilerServices;
using CertBot.Protocol.State;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace CertBot.Storage.Sqlite;

/// <summary>
/// <see cref="IStorage"/> on a SQLite file (WAL mode) so state survives restarts. Conditional writes are single
/// statements (INSERT … ON CONFLICT DO NOTHING for create-only, UPDATE … WHERE etag = @etag for a match) inside one
/// transaction, so a conflict anywhere writes nothing. Writes are queued in-process (one writer at a time, as SQLite
/// wants). One file belongs to one process: several instances need the AzureBlob provider.
/// <para>
/// Faults are loud: the file is created only on first use, never again, and carries an identity written then, so a
/// deleted or replaced file, a full disk or a read-only database makes every operation throw
/// <see cref="StorageUnavailableException"/> (the turn gets 503, /readyz is red) instead of writing into an unlinked
/// file. While faulted, each operation (at most once per <see cref="VerifyInterval"/>) probes the file with a fresh
/// connection and a real write; when that succeeds the pool is cleared (so connections opened read-only are not
/// reused) and the store serves again. A <c>-shm</c> file the process cannot write is refused before SQLite maps it,
/// which would otherwise end the process with SIGBUS.
/// </para>
/// </summary>
public sealed class SqliteStorage : IStorage, IDisposable
{
    /// <summary>How often the file's identity is checked while healthy, and a faulted store probes for recovery.</summary>
    public static readonly TimeSpan VerifyInterval = TimeSpan.FromSeconds(1);

    private readonly string _path;
    private readonly string _connectionString;
    private readonly string _createString;
    private readonly string _probeString;
    private readonly TimeProvider _clock;
    private readonly SemaphoreSlim _initGate = new(1, 1);
    private readonly SemaphoreSlim _verifyGate = new(1, 1);

    // SQLite takes one writer at a time; a second one gets SQLITE_BUSY and Microsoft.Data.Sqlite retries it with
    // sleeps, which under concurrent turns cost more than waiting here in order (the file belongs to this process).
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private volatile bool _initialized;
    private string? _identity;
    private volatile string? _fault;
    private DateTimeOffset _verifiedAt = DateTimeOffset.MinValue;

    public SqliteStorage(IOptions<SqliteStorageOptions> options)
        : this(options, TimeProvider.System)
    {
    }

    public SqliteStorage(IOptions<SqliteStorageOptions> options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        _clock = clock;
        _path = Path.GetFullPath(options.Value.SqlitePath);
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = _path,
            // After the first use the file must exist: a missing one is a fault, not a reason for a fresh empty store.
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = true,
            DefaultTimeout = 30,
        };
        _connectionString = builder.ToString();
        builder.Pooling = false;
        builder.DefaultTimeout = 5;
        _probeString = builder.ToString();
        builder.Mode = SqliteOpenMode.ReadWriteCreate;
        _createString = builder.ToString();
    }

    /// <summary>Why the store cannot serve now, or null when it can.</summary>
    public string? Fault => _fault;

    public Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default) =>
        GuardAsync(() => ReadCoreAsync(keys, cancellationToken));

    public Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken = default) =>
        WriteLockedAsync(() => GuardAsync(() => WriteCoreAsync(changes, cancellationToken)), cancellationToken);

    public Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default) =>
        WriteLockedAsync(() => GuardAsync(async () =>
        {
            await DeleteCoreAsync(keys, cancellationToken).ConfigureAwait(false);
            return true;
        }), cancellationToken);

    public Task DeleteAsync(string key, string? etag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (etag is null || StoreETags.IsUnconditional(etag))
        {
            return DeleteAsync([key], cancellationToken);
        }

        return WriteLockedAsync(() => GuardAsync(async () =>
        {
            await DeleteIfMatchCoreAsync(key, etag, cancellationToken).ConfigureAwait(false);
            return true;
        }), cancellationToken);
    }

    public async IAsyncEnumerable<string> ListKeysAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var keys = await GuardAsync(() => ListKeysCoreAsync(prefix, cancellationToken)).ConfigureAwait(false);
        foreach (var key in keys)
        {
            yield return key;
        }
    }

    /// <summary>One writer at a time (see <see cref="_writeGate"/>).</summary>
    private async Task<T> WriteLockedAsync<T>(Func<Task<T>> write, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await write().ConfigureAwait(false);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private async Task<IReadOnlyDictionary<string, StoreItem>> ReadCoreAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var found = new Dictionary<string, StoreItem>(StringComparer.Ordinal);
        if (keys.Count == 0)
        {
            return found;
        }

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        var names = new List<string>(keys.Count);
        var i = 0;
        foreach (var key in keys)
        {
            var name = "$k" + i++.ToString(CultureInfo.InvariantCulture);
            names.Add(name);
            command.Parameters.AddWithValue(name, key);
        }

#pragma warning disable CA2100 // Only generated parameter names are concatenated; values are bound.
        command.CommandText = $"SELECT key, json, etag FROM state WHERE key IN ({string.Join(',', names)})";
#pragma warning restore CA2100
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            found[reader.GetString(0)] = new StoreItem(reader.GetString(1), reader.GetString(2));
        }

        return found;
    }

    private async Task<IReadOnlyDictionary<string, string>> WriteCoreAsync(IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var etags = new Dictionary<string, string>(StringComparer.Ordinal);
        if (changes.Count == 0)
        {
            return etags;
        }

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var (key, item) in changes)
        {
            var etag = StoreETags.New();
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.Parameters.AddWithValue("$key", key);
            command.Parameters.AddWithValue("$json", item.Json);
            command.Parameters.AddWithValue("$etag", etag);
            if (StoreETags.IsUnconditional(item.ETag))
            {
                command.CommandText =
                    "INSERT INTO state (key, json, etag) VALUES ($key, $json, $etag) " +
                    "ON CONFLICT(key) DO UPDATE SET json = excluded.json, etag = excluded.etag";
            }
            else if (StoreETags.IsCreateOnly(item.ETag))
            {
                command.CommandText = "INSERT INTO state (key, json, etag) VALUES ($key, $json, $etag) ON CONFLICT(key) DO NOTHING";
            }
            else
            {
                command.CommandText = "UPDATE state SET json = $json, etag = $etag WHERE key = $key AND etag = $expected";
                command.Parameters.AddWithValue("$expected", item.ETag);
            }

            if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
            {
                await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                throw StoreETags.Conflict(key);
            }

            etags[key] = etag;
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return etags;
    }

    private async Task DeleteCoreAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
        {
            return;
        }

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var key in keys)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "DELETE FROM state WHERE key = $key";
            command.Parameters.AddWithValue("$key", key);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task DeleteIfMatchCoreAsync(string key, string etag, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        // One statement: deleted when the ETag matches; otherwise tell "changed" (a row is left) from "already gone".
        command.CommandText = "DELETE FROM state WHERE key = $key AND etag = $etag RETURNING 1";
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$etag", etag);
        if (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null)
        {
            return;
        }

        await using var exists = connection.CreateCommand();
        exists.CommandText = "SELECT 1 FROM state WHERE key = $key";
        exists.Parameters.AddWithValue("$key", key);
        if (await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null)
        {
            throw StoreETags.Conflict(key);
        }
    }

    /// <summary>Read whole before yielding, so a fault surfaces as <see cref="StorageUnavailableException"/> here.</summary>
    private async Task<List<string>> ListKeysCoreAsync(string prefix, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        // The range bound uses the primary key index; substr keeps the match exact for any character after the prefix.
        command.CommandText = "SELECT key FROM state WHERE key >= $prefix AND substr(key, 1, length($prefix)) = $prefix";
        command.Parameters.AddWithValue("$prefix", prefix);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }

    /// <summary>Turns the ways SQLite reports a broken file into <see cref="StorageUnavailableException"/> and a fault.</summary>
    private async Task<T> GuardAsync<T>(Func<Task<T>> operation)
    {
        try
        {
            return await operation().ConfigureAwait(false);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is not (SqliteBusy or SqliteLocked or SqliteConstraint))
        {
            throw Faulted(Describe(ex), ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Faulted("the database folder cannot be used: " + ex.GetType().Name, ex);
        }
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        if (_fault is not null || _clock.GetUtcNow() - _verifiedAt >= VerifyInterval)
        {
            await VerifyAsync(force: false, cancellationToken).ConfigureAwait(false);
        }

        if (_fault is { } fault)
        {
            throw new StorageUnavailableException("State storage is unavailable: " + fault);
        }

        // A stat per operation: a deleted file must not keep taking writes through pooled connections.
        if (!File.Exists(_path))
        {
            throw Faulted("the database file is gone", null);
        }

        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Checks, with a connection of its own, that the file is the one this store created, that its -shm can be written
    /// and (while faulted, or for readiness) that it takes a write. Success clears a fault and the pool.
    /// </summary>
    private async Task VerifyAsync(bool force, CancellationToken cancellationToken)
    {
        if (!await _verifyGate.WaitAsync(force ? Timeout.InfiniteTimeSpan : TimeSpan.Zero, cancellationToken).ConfigureAwait(false))
        {
            return; // another caller is verifying; its verdict is used
        }

        try
        {
            if (!force && _clock.GetUtcNow() - _verifiedAt < VerifyInterval)
            {
                return;
            }

            _verifiedAt = _clock.GetUtcNow();
            var wasFaulted = _fault is not null;
            var problem = await ProbeAsync(write: wasFaulted || force, cancellationToken).ConfigureAwait(false);
            if (problem is not null)
            {
                Faulted(problem, null);
                return;
            }

            if (wasFaulted)
            {
                // Connections opened while the fault lasted (read-only ones, or ones on an unlinked file) must not be reused.
                ClearPool();
                _fault = null;
            }
        }
        finally
        {
            _verifyGate.Release();
        }
    }

    /// <returns>What is wrong with the file, or null when it is fine.</returns>
    private async Task<string?> ProbeAsync(bool write, CancellationToken cancellationToken)
    {
        if (!File.Exists(_path))
        {
            return "the database file is gone";
        }

        if (ShmProblem() is { } shm)
        {
            return shm;
        }

        // A small probe write still fits in a full disk's reused WAL pages; the turn's bigger write would not.
        if (FreeBytes() is < MinFreeBytes)
        {
            return "the disk is full";
        }

        try
        {
            await using var connection = new SqliteConnection(_probeString);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var read = connection.CreateCommand();
            read.CommandText = "SELECT value FROM meta WHERE key = 'identity'";
            if (await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not string identity || identity != _identity)
            {
                return "the database file was replaced by another one";
            }

            if (write)
            {
                await using var probe = connection.CreateCommand();
                probe.CommandText = "INSERT INTO meta (key, value) VALUES ('probe', $at) ON CONFLICT(key) DO UPDATE SET value = excluded.value";
                probe.Parameters.AddWithValue("$at", _clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
                await probe.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            return null;
        }
        catch (SqliteException ex)
        {
            // No meta table at all: some other database (or an empty one) sits where ours was.
            return ex.SqliteErrorCode == 1 ? "the database file was replaced by another one" : Describe(ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return "the database folder cannot be used: " + ex.GetType().Name;
        }
    }

    /// <summary>
    /// A -shm file that exists but cannot be written would be mapped read-only by SQLite and end the process with
    /// SIGBUS on first access; it is refused here, before any connection opens it.
    /// </summary>
    private string? ShmProblem()
    {
        var shm = _path + "-shm";
        try
        {
            using var stream = new FileStream(shm, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
            return null;
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return "the database's -shm file cannot be written";
        }
    }

    private long? FreeBytes()
    {
        try
        {
            return new DriveInfo(Path.GetDirectoryName(_path)!).AvailableFreeSpace;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    private StorageUnavailableException Faulted(string reason, Exception? inner)
    {
        _fault = reason;
        ClearPool();
        return inner is null
            ? new StorageUnavailableException("State storage is unavailable: " + reason)
            : new StorageUnavailableException("State storage is unavailable: " + reason, inner);
    }

    private void ClearPool()
    {
        using var pooled = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(pooled);
    }

    private static string Describe(SqliteException ex) => (ex.SqliteErrorCode, ex.SqliteExtendedErrorCode) switch
    {
        (SqliteFull, _) => "the disk is full",
        (SqliteReadOnly, _) or (SqlitePermission, _) => "the database is read-only",
        (SqliteCantOpen, _) => "the database file cannot be opened",
        (SqliteNotADatabase, _) or (SqliteCorrupt, _) => "the database file is not a valid database",
        (SqliteIoError, _) => "the database file cannot be read or written",
        _ => "SQLite error " + ex.SqliteErrorCode.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Free space below which the store counts as full (a turn's state and WAL growth need some room).</summary>
    private const long MinFreeBytes = 512 * 1024;

    private const int SqlitePermission = 3;
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteReadOnly = 8;
    private const int SqliteIoError = 10;
    private const int SqliteCorrupt = 11;
    private const int SqliteFull = 13;
    private const int SqliteCantOpen = 14;
    private const int SqliteConstraint = 19;
    private const int SqliteNotADatabase = 26;

    private async Task EnsureInitializedAsync(CancellationToken cancellationToken)
    {
        if (!_initialized)
        {
            await InitializeAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Creates the folder, the file and its tables on first use, and reads (or writes) the file's identity.</summary>
    private async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _initGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_initialized)
            {
                return;
            }

            var directory = Path.GetDirectoryName(_path);
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            if (ShmProblem() is { } shm)
            {
                throw Faulted(shm, null);
            }

            await using var connection = new SqliteConnection(_createString);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText =
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; " +
                "CREATE TABLE IF NOT EXISTS state (key TEXT NOT NULL PRIMARY KEY, json TEXT NOT NULL, etag TEXT NOT NULL); " +
                "CREATE TABLE IF NOT EXISTS meta (key TEXT NOT NULL PRIMARY KEY, value TEXT NOT NULL); " +
                "INSERT INTO meta (key, value) VALUES ('identity', $identity) ON CONFLICT(key) DO NOTHING";
            command.Parameters.AddWithValue("$identity", Guid.NewGuid().ToString("N"));
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await using var identity = connection.CreateCommand();
            identity.CommandText = "SELECT value FROM meta WHERE key = 'identity'";
            _identity = (string?)await identity.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            _verifiedAt = _clock.GetUtcNow();
            _initialized = true;
        }
        finally
        {
            _initGate.Release();
        }
    }

    public void Dispose()
    {
        _initGate.Dispose();
        _verifyGate.Dispose();
        _writeGate.Dispose();
    }
}

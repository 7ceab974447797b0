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
/// </summary>
public sealed class SqliteStorage : IStorage, IDisposable
{
    private readonly string _connectionString;
    private readonly SemaphoreSlim _initGate = new(1, 1);

    // SQLite takes one writer at a time; a second one gets SQLITE_BUSY and Microsoft.Data.Sqlite retries it with
    // sleeps, which under concurrent turns cost more than waiting here in order (the file belongs to this process).
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private volatile bool _initialized;

    public SqliteStorage(IOptions<SqliteStorageOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var path = Path.GetFullPath(options.Value.SqlitePath);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public async Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
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

    public async Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var etags = new Dictionary<string, string>(StringComparer.Ordinal);
        if (changes.Count == 0)
        {
            return etags;
        }

        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await WriteLockedAsync(changes, etags, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private async Task<IReadOnlyDictionary<string, string>> WriteLockedAsync(
        IReadOnlyDictionary<string, StoreItem> changes, Dictionary<string, string> etags, CancellationToken cancellationToken)
    {
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

    public async Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
        {
            return;
        }

        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await DeleteLockedAsync(keys, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private async Task DeleteLockedAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
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

    public async Task DeleteAsync(string key, string? etag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (etag is null || StoreETags.IsUnconditional(etag))
        {
            await DeleteAsync([key], cancellationToken).ConfigureAwait(false);
            return;
        }

        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await DeleteIfMatchLockedAsync(key, etag, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private async Task DeleteIfMatchLockedAsync(string key, string etag, CancellationToken cancellationToken)
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

    public async IAsyncEnumerable<string> ListKeysAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        // The range bound uses the primary key index; substr keeps the match exact for any character after the prefix.
        command.CommandText = "SELECT key FROM state WHERE key >= $prefix AND substr(key, 1, length($prefix)) = $prefix";
        command.Parameters.AddWithValue("$prefix", prefix);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return reader.GetString(0);
        }
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (!_initialized)
        {
            await InitializeAsync(cancellationToken).ConfigureAwait(false);
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

    private async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _initGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_initialized)
            {
                return;
            }

            var directory = Path.GetDirectoryName(new SqliteConnectionStringBuilder(_connectionString).DataSource);
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            await using var connection = new SqliteConnection(_connectionString);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText =
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; " +
                "CREATE TABLE IF NOT EXISTS state (key TEXT NOT NULL PRIMARY KEY, json TEXT NOT NULL, etag TEXT NOT NULL)";
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
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
        _writeGate.Dispose();
    }
}

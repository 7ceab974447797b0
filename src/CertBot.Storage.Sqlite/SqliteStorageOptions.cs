namespace CertBot.Storage.Sqlite;

/// <summary>Where the SQLite store lives (section <c>Storage</c>, key <c>SqlitePath</c>).</summary>
public sealed class SqliteStorageOptions
{
    public const string SectionName = "Storage";

    public string SqlitePath { get; set; } = "./data/certbot.db";
}

namespace CertBot.Protocol.Configuration;

/// <summary>Which <see cref="State.IStorage"/> backs turn state (section <c>Storage</c>).</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary><c>Sqlite</c> (default) or <c>Memory</c>.</summary>
    public string Provider { get; set; } = "Sqlite";

    public string SqlitePath { get; set; } = "./data/certbot.db";
}

namespace CertBot.Hosting;

/// <summary>Which state store backs turns, de-duplication and the curator log (section <c>Storage</c>).</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";
    public const string Sqlite = "Sqlite";
    public const string AzureBlob = "AzureBlob";
    public const string Memory = "Memory";

    /// <summary><c>Sqlite</c> (default, one instance), <c>AzureBlob</c> (several instances) or <c>Memory</c> (tests).</summary>
    public string Provider { get; set; } = Sqlite;
}

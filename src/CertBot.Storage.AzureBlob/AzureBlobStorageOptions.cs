namespace CertBot.Storage.AzureBlob;

/// <summary>
/// Where the blob store lives (section <c>Storage:AzureBlob</c>): a connection string (Azurite or an account key), or
/// the account's service URI reached with <c>DefaultAzureCredential</c> (managed identity in production).
/// </summary>
public sealed class AzureBlobStorageOptions
{
    public const string SectionName = "Storage:AzureBlob";
    public const string DefaultContainer = "certbot-state";

    /// <summary>A storage connection string; never logged. Exactly one of this and <see cref="ServiceUri"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>e.g. <c>https://account.blob.core.windows.net</c>, authenticated with DefaultAzureCredential.</summary>
    public Uri? ServiceUri { get; set; }

    /// <summary>An empty <c>ServiceUri</c> in configuration (as in appsettings.sample.json) binds to an empty URI: unset.</summary>
    internal bool HasServiceUri => ServiceUri is { OriginalString.Length: > 0 };

    /// <summary>The container holding every document; created when missing.</summary>
    public string Container { get; set; } = DefaultContainer;

    /// <summary>Time for one storage request, retries excluded (a turn has a few of them inside its budget).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Retries of one storage request on transient faults (throttling, 5xx, network).</summary>
    public int MaxRetries { get; set; } = 2;
}

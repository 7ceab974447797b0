using Azure.Storage.Blobs;
using CertBot.Protocol.State;
using CertBot.Storage.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CertBot.Storage.AzureBlob.Tests;

/// <summary>What only the blob provider promises: one blob per document with valid names, the container made on demand, configuration.</summary>
public sealed class AzureBlobStorageTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [SkippableFact]
    public async Task WriteAsync_CreatesContainer_OneJsonBlobPerDocument()
    {
        var server = azurite.RequireServer();
        var container = "blobs-" + Guid.NewGuid().ToString("N")[..20];
        using var storage = new AzureBlobStorage(Options.Create(new AzureBlobStorageOptions { ConnectionString = server.ConnectionString, Container = container }));

        await storage.WriteAsync(new Dictionary<string, StoreItem>
        {
            ["msteams/users/29:abc"] = new("{\"a\":1}", null),
            ["msteams/conversations/19:x@thread.v2"] = new("{\"b\":2}", null),
        });

        var client = new BlobContainerClient(server.ConnectionString, container);
        var blobs = new List<Azure.Storage.Blobs.Models.BlobItem>();
        await foreach (var blob in client.GetBlobsAsync())
        {
            blobs.Add(blob);
        }

        Assert.Equal(2, blobs.Count);
        Assert.All(blobs, b => Assert.Equal("application/json", b.Properties.ContentType));
        Assert.Contains(blobs, b => b.Name == "msteams%2Fusers%2F29%3Aabc");
    }

    [SkippableFact]
    public async Task ReadAsync_AfterAnotherInstanceWrote_SeesItsDocumentAndETag()
    {
        var server = azurite.RequireServer();
        var options = Options.Create(new AzureBlobStorageOptions { ConnectionString = server.ConnectionString, Container = "shared-" + Guid.NewGuid().ToString("N")[..20] });
        using var first = new AzureBlobStorage(options);
        using var second = new AzureBlobStorage(options);

        var etags = await first.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = new("{\"v\":1}", null) });
        var read = await second.ReadAsync(["k"]);

        Assert.Equal(etags["k"], read["k"].ETag);
        await second.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = new("{\"v\":2}", read["k"].ETag) });
        await Assert.ThrowsAsync<StorageConcurrencyException>(() =>
            first.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = new("{\"v\":3}", etags["k"]) }));
    }

    [Fact]
    public async Task ReadAsync_StoreUnreachable_StorageUnavailableNamingNoAddress()
    {
        // Nothing listens on port 9 of loopback: the SDK's request fails at once and, with no retries, is not retried.
        var connection = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;"
            + "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"
            + "BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;";
        using var storage = new AzureBlobStorage(Options.Create(new AzureBlobStorageOptions
        {
            ConnectionString = connection, MaxRetries = 0, RequestTimeout = TimeSpan.FromSeconds(2),
        }));

        var read = await Assert.ThrowsAsync<StorageUnavailableException>(() => storage.ReadAsync(["k"]));
        var write = await Assert.ThrowsAsync<StorageUnavailableException>(() =>
            storage.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = new("{}", null) }));

        Assert.All(new[] { read.Message, write.Message }, m => Assert.DoesNotContain("127.0.0.1", m, StringComparison.Ordinal));
    }

    [Fact]
    public void AddCertBotAzureBlobStorage_BindsSectionAndRegistersTheStore()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:AzureBlob:ConnectionString"] = "UseDevelopmentStorage=true",
        }).Build();
        using var services = new ServiceCollection().AddCertBotAzureBlobStorage(configuration).BuildServiceProvider();

        var options = services.GetRequiredService<IOptions<AzureBlobStorageOptions>>().Value;
        Assert.Equal("certbot-state", options.Container);
        Assert.IsType<AzureBlobStorage>(services.GetRequiredService<IStorage>());
    }

    [Fact]
    public void Validate_SampleSettingsWithEmptyServiceUri_TakeTheConnectionString()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:AzureBlob:ConnectionString"] = "UseDevelopmentStorage=true",
            ["Storage:AzureBlob:ServiceUri"] = "",
        }).Build();
        using var services = new ServiceCollection().AddCertBotAzureBlobStorage(configuration).BuildServiceProvider();

        Assert.Equal("certbot-state", services.GetRequiredService<IOptions<AzureBlobStorageOptions>>().Value.Container);
    }

    public static TheoryData<string?, string?, string, string?> Settings => new()
    {
        { "UseDevelopmentStorage=true", null, "certbot-state", null },
        { null, "https://account.blob.core.windows.net", "certbot-state", null },
        { null, "http://127.0.0.1:10000/devstoreaccount1", "certbot-state", null },
        { null, null, "certbot-state", "exactly one" },
        { "UseDevelopmentStorage=true", "https://account.blob.core.windows.net", "certbot-state", "exactly one" },
        { null, "http://account.blob.core.windows.net", "certbot-state", "https" },
        { "UseDevelopmentStorage=true", null, "CertBot", "Container" },
        { "UseDevelopmentStorage=true", null, "ab", "Container" },
        { "UseDevelopmentStorage=true", null, "two--hyphens", "Container" },
        { "UseDevelopmentStorage=true", null, "-leading", "Container" },
    };

    [Theory]
    [MemberData(nameof(Settings))]
    public void Validate_Settings_AcceptsOrNamesTheProblem(string? connectionString, string? serviceUri, string container, string? problem)
    {
        var result = new AzureBlobStorageOptionsValidator().Validate(null, new AzureBlobStorageOptions
        {
            ConnectionString = connectionString,
            ServiceUri = serviceUri is null ? null : new Uri(serviceUri),
            Container = container,
        });

        if (problem is null)
        {
            Assert.True(result.Succeeded, result.FailureMessage);
        }
        else
        {
            Assert.True(result.Failed);
            Assert.Contains(problem, result.FailureMessage, StringComparison.Ordinal);
        }
    }
}

using CertBot.Protocol.State;
using CertBot.Storage.Testing;
using Microsoft.Extensions.Options;

namespace CertBot.Storage.AzureBlob.Tests;

/// <summary>The shared IStorage contract against Azurite, a fresh container per test.</summary>
public sealed class AzureBlobStorageContractTests(AzuriteFixture azurite) : StorageContractTests, IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly List<AzureBlobStorage> _stores = [];

    protected override IStorage CreateStorage()
    {
        var server = azurite.RequireServer();
        var storage = new AzureBlobStorage(Options.Create(new AzureBlobStorageOptions
        {
            ConnectionString = server.ConnectionString,
            Container = "contract-" + Guid.NewGuid().ToString("N")[..20],
        }));
        _stores.Add(storage);
        return storage;
    }

    public void Dispose()
    {
        foreach (var store in _stores)
        {
            store.Dispose();
        }
    }
}

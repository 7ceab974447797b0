using System.Net;
using CertBot.Hosting;
using CertBot.Protocol.Hosting;
using CertBot.Protocol.State;
using CertBot.Storage.AzureBlob;
using CertBot.Storage.Sqlite;
using CertBot.Storage.Testing;
using CertBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CertBot.Tests.Hosting;

/// <summary>Storage:Provider picks the store; /readyz proves the chosen one takes writes.</summary>
public sealed class StorageSelectionTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Theory]
    [InlineData("Sqlite", typeof(SqliteStorage))]
    [InlineData("sqlite", typeof(SqliteStorage))]
    [InlineData("Memory", typeof(MemoryStorage))]
    [InlineData("AzureBlob", typeof(AzureBlobStorage))]
    public void Build_Provider_RegistersThatStore(string provider, Type expected)
    {
        using var app = CertBotApp.Build(["--Storage:Provider=" + provider, "--Storage:AzureBlob:ConnectionString=UseDevelopmentStorage=true", "--Knowledge:Semantic:Enabled=false"]);

        Assert.IsType(expected, app.Services.GetRequiredService<IStorage>());
    }

    [Fact]
    public void Build_UnknownProvider_FailsValidationNamingTheChoices()
    {
        using var app = CertBotApp.Build(["--Storage:Provider=Redis", "--Knowledge:Semantic:Enabled=false"]);

        var error = Assert.Throws<OptionsValidationException>(() => app.Services.GetRequiredService<IOptions<StorageOptions>>().Value);
        Assert.Contains("Sqlite, AzureBlob or Memory", error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Readyz_AzureBlobOnAzurite_IsReady()
    {
        var server = azurite.RequireServer();
        await using var bot = await CertBotServer.StartAsync(null, "--Storage:Provider=AzureBlob", $"--Storage:AzureBlob:ConnectionString={server.ConnectionString}", "--Knowledge:Semantic:Enabled=false");

        using var response = await bot.Http.GetAsync("readyz");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("storage: Healthy - storage writable (AzureBlobStorage)", body, StringComparison.Ordinal);
        // The probe wrote and read its document, then deleted it: readiness leaves nothing behind in the shared container.
        using var store = new AzureBlobStorage(Options.Create(new AzureBlobStorageOptions { ConnectionString = server.ConnectionString }));
        var left = new List<string>();
        await foreach (var key in store.ListKeysAsync(StorageHealthCheck.ProbeKeyPrefix))
        {
            left.Add(key);
        }

        Assert.Empty(left);
    }

    [Fact]
    public async Task Readyz_AzureBlobUnreachable_IsNotReady()
    {
        // Nothing listens on port 1: every request is refused at once.
        const string nowhere = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:1/devstoreaccount1;";
        await using var bot = await CertBotServer.StartAsync(null, "--Storage:Provider=AzureBlob", $"--Storage:AzureBlob:ConnectionString={nowhere}",
            "--Storage:AzureBlob:MaxRetries=0", "--Storage:AzureBlob:RequestTimeout=00:00:02", "--Knowledge:Semantic:Enabled=false");

        using var response = await bot.Http.GetAsync("readyz");
        var body = await response.Content.ReadAsStringAsync();
        using var live = await bot.Http.GetAsync("healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        // The provider says what is wrong (AzureBlobStorage maps the refused connection to StorageUnavailableException).
        Assert.Contains("storage: Unhealthy - State storage is unavailable: the blob store cannot be reached", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }
}

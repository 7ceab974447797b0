using System.Net;
using System.Text.Json;
using CertBot.Protocol.State;
using CertBot.Protocol.Tests.Infrastructure;
using CertBot.Storage.AzureBlob;
using CertBot.Storage.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CertBot.Protocol.Tests.ScaleOut;

/// <summary>
/// Two bot instances (each its own host, adapter and blob client) that share nothing but one Azurite container,
/// with turns alternating between them as a round-robin load balancer would send them.
/// </summary>
public sealed class TwoInstancesOnAzuriteTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [SkippableFact]
    public async Task SixtyFourParallelTurnsOnOneConversation_LoseNoUpdate_FailNone_SpeakOnceEach()
    {
        var (a, b) = await StartPairAsync();
        await using var _ = a;
        await using var __ = b;
        const string conversation = "19:busy@thread.v2";

        var responses = await Task.WhenAll(Enumerable.Range(0, 64).Select(i =>
        {
            var host = i % 2 == 0 ? a : b;
            return host.PostAsync(host.Message("count-reply", conversation));
        }));

        Assert.True(responses.All(r => r.StatusCode == HttpStatusCode.OK), string.Join("\n", a.Logs.GetSnapshot().Concat(b.Logs.GetSnapshot()).Where(r => r.Level >= Microsoft.Extensions.Logging.LogLevel.Warning).Select(r => r.Message).Distinct().Take(5)));
        Assert.Equal(64, await CountAsync(a, TurnState.ConversationKey("msteams", conversation)));
        var spoken = a.ConnectorRequests.Concat(b.ConnectorRequests)
            .Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("text").GetString()).Order(StringComparer.Ordinal);
        Assert.Equal(Enumerable.Range(1, 64).Select(i => $"count {i}").Order(StringComparer.Ordinal), spoken);
        Dispose(responses);
    }

    [SkippableFact]
    public async Task SixtyFourParallelTurnsOfOneUserAcrossSixteenConversations_LoseNoUserUpdate()
    {
        var (a, b) = await StartPairAsync();
        await using var _ = a;
        await using var __ = b;

        var responses = await Task.WhenAll(Enumerable.Range(0, 64).Select(i =>
        {
            var host = i % 2 == 0 ? a : b;
            return host.PostAsync(host.Message("user-count", $"a:conversation-{i % 16}"));
        }));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(64, await CountAsync(b, TurnState.UserKey("msteams", "29:user-1")));
        Dispose(responses);
    }

    [SkippableFact]
    public async Task SameActivityDeliveredToBothInstances_IsProcessedOnce()
    {
        var (a, b) = await StartPairAsync();
        await using var _ = a;
        await using var __ = b;

        for (var i = 0; i < 10; i++)
        {
            var activity = a.Message("count", "a:redelivered");
            var both = await Task.WhenAll(a.PostAsync(activity), b.PostAsync(activity));
            Assert.All(both, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
            Dispose(both);
        }

        Assert.Equal(10, a.Probe.Turns + b.Probe.Turns);
        Assert.Equal(10, await CountAsync(a, TurnState.ConversationKey("msteams", "a:redelivered")));
    }

    private async Task<(BotHost A, BotHost B)> StartPairAsync()
    {
        var server = azurite.RequireServer();
        var container = "pair-" + Guid.NewGuid().ToString("N")[..20];
        var settings = new Dictionary<string, string?>
        {
            ["Storage:AzureBlob:ConnectionString"] = server.ConnectionString,
            ["Storage:AzureBlob:Container"] = container,
            // These prove no update is lost between instances, not the budget (the fault tests prove that, on the fake
            // clock): 64 turns racing one document through Azurite on a loaded 2-core machine can outlast the 10 s default.
            ["BotFramework:TurnTimeout"] = "00:00:40",
            ["BotFramework:DeduplicationClaimTimeout"] = "00:01:00",
        };
        static void Blob(IServiceCollection services, string connectionString, string container) =>
            services.AddSingleton<IStorage>(_ => new AzureBlobStorage(Options.Create(new AzureBlobStorageOptions { ConnectionString = connectionString, Container = container })));

        var a = await BotHost.StartAsync(localMode: true, settings, s => Blob(s, server.ConnectionString, container));
        var b = await BotHost.StartAsync(localMode: true, settings, s => Blob(s, server.ConnectionString, container));
        return (a, b);
    }

    private static async Task<int> CountAsync(BotHost host, string key)
    {
        var stored = await host.Services.GetRequiredService<IStorage>().ReadAsync([key]);
        return JsonDocument.Parse(stored[key].Json).RootElement.GetProperty("Count").GetInt32();
    }

    private static void Dispose(IEnumerable<HttpResponseMessage> responses)
    {
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }
}

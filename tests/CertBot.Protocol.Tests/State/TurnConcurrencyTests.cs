using System.Net;
using System.Text.Json;
using CertBot.Protocol.Hosting;
using CertBot.Protocol.State;
using CertBot.Protocol.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace CertBot.Protocol.Tests.State;

public sealed class TurnConcurrencyTests
{
    [Theory]
    [InlineData("Memory")]
    [InlineData("Sqlite")]
    public async Task Post_TwentyParallelTurnsOnOneConversation_CountIsTwenty(string provider)
    {
        var path = Path.Combine(Path.GetTempPath(), "certbot-conc-" + Guid.NewGuid().ToString("N"), "state.db");
        await using var host = await BotHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Storage:Provider"] = provider,
            ["Storage:SqlitePath"] = path,
        });
        const string conversation = "a:shared-conversation";

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => host.PostAsync(host.Message("count", conversation))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var stored = await host.Services.GetRequiredService<IStorage>().ReadAsync([TurnState.ConversationKey("msteams", conversation)]);
        Assert.Equal(20, JsonDocument.Parse(stored.Single().Value.Json).RootElement.GetProperty("Count").GetInt32());
        Assert.Equal(0, host.Services.GetRequiredService<CloudAdapter>().ActiveConversationLocks);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task Post_SqliteState_SurvivesHostRestart()
    {
        var path = Path.Combine(Path.GetTempPath(), "certbot-restart-" + Guid.NewGuid().ToString("N"), "state.db");
        var settings = new Dictionary<string, string?> { ["Storage:Provider"] = "Sqlite", ["Storage:SqlitePath"] = path };
        const string conversation = "a:restart";

        await using (var first = await BotHost.StartAsync(settings: settings))
        {
            using var r1 = await first.PostAsync(first.Message("count", conversation));
            using var r2 = await first.PostAsync(first.Message("count", conversation));
        }

        SqliteConnection.ClearAllPools();
        await using var second = await BotHost.StartAsync(settings: settings);
        using var r3 = await second.PostAsync(second.Message("count", conversation));

        var stored = await second.Services.GetRequiredService<IStorage>().ReadAsync([TurnState.ConversationKey("msteams", conversation)]);
        Assert.Equal(3, JsonDocument.Parse(stored.Single().Value.Json).RootElement.GetProperty("Count").GetInt32());
        Assert.True(File.Exists(path));
    }
}

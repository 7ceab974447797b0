using System.Net;
using System.Text.Json;
using CertBot.Protocol.State;
using CertBot.Protocol.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CertBot.Protocol.Tests.State;

/// <summary>Parallel turns with no lock: the ETag save and the re-run keep every update and speak once per turn.</summary>
public sealed class TurnConcurrencyTests
{
    [Theory]
    [InlineData("00:00:02")]
    [InlineData("00:00:00")] // no local queue: the ETag save and the re-run alone keep every update
    public async Task Post_TwentyParallelTurnsOnOneConversation_CountIsTwenty(string admissionWait)
    {
        await using var host = await BotHost.StartAsync(settings: new Dictionary<string, string?> { ["BotFramework:TurnAdmissionWait"] = admissionWait });
        const string conversation = "a:shared-conversation";

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => host.PostAsync(host.Message("count", conversation))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(20, await CountAsync(host, TurnState.ConversationKey("msteams", conversation)));
        Assert.Equal(0, host.Services.GetRequiredService<CertBot.Protocol.Hosting.TurnRunner>().AdmittedKeys);
        Dispose(responses);
    }

    [Fact]
    public async Task Post_ParallelTurnsThatReply_EachRepliesOnceWithTheCountItSaved()
    {
        await using var host = await BotHost.StartAsync();
        const string conversation = "a:replies";

        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => host.PostAsync(host.Message("count-reply", conversation))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var texts = host.ConnectorRequests.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("text").GetString()).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Enumerable.Range(1, 16).Select(i => $"count {i}").Order(StringComparer.Ordinal), texts);
        Dispose(responses);
    }

    [Fact]
    public async Task Post_OneUserInSixteenConversationsInParallel_LosesNoUserUpdate()
    {
        await using var host = await BotHost.StartAsync();
        var conversations = Enumerable.Range(0, 16).Select(i => $"a:user-conv-{i}").ToList();

        var responses = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => host.PostAsync(host.Message("user-count", conversations[i % 16]))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(64, await CountAsync(host, TurnState.UserKey("msteams", "29:user-1")));
        Dispose(responses);
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

using System.Text.Json.Nodes;
using CertBot.Storage.Testing;
using CertBot.Tests.Conversation;
using CertBot.Tests.Support;

namespace CertBot.Tests.ScaleOut;

/// <summary>Two real CertBot hosts (in-process, each on its own loopback port) sharing one Azurite container.</summary>
public sealed class TwoCertBotsOnAzuriteTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [SkippableFact]
    public async Task Conversation_TurnsAlternatingBetweenInstances_EndsWithTheRightRecommendation()
    {
        var (a, b) = await StartPairAsync();
        await using var _ = a;
        await using var __ = b;
        var userId = "29:user-" + Guid.NewGuid().ToString("N")[..12];
        var onA = new TestChat(a, userId: userId, conversationId: "a:" + Guid.NewGuid().ToString("N"));
        var onB = new TestChat(b, userId: userId, conversationId: onA.ConversationId);

        Assert.True(ProfileTranscriptTests.AsksFor(await onA.SayAsync("which cert should I get?"), "role"));
        Assert.True(ProfileTranscriptTests.AsksFor(await onB.SayAsync("i'm a sofware engineer"), "mlYears"));
        Assert.True(ProfileTranscriptTests.AsksFor(await onA.SayAsync("two and a half years"), "cloud"));
        var recommendation = await onB.SayAsync("azure");

        ProfileTranscriptTests.AssertRecommendation(recommendation, "software-engineer", 2.5m, "azure");
        ProfileTranscriptTests.AssertRecommendation(await onA.SayAsync("what did you recommend for me?"), "software-engineer", 2.5m, "azure");
    }

    [SkippableFact]
    public async Task SameActivity_DeliveredToBothInstancesAtOnce_IsAnsweredOnce()
    {
        var (a, b) = await StartPairAsync();
        await using var _ = a;
        await using var __ = b;
        var chat = new TestChat(a);
        var activity = chat.Activity("message", m => m["text"] = "data scientist, 4 years of ML, azure");

        var both = await Task.WhenAll(a.ExpectRepliesAsync((JsonObject)activity.DeepClone()), b.ExpectRepliesAsync((JsonObject)activity.DeepClone()));

        Assert.Single(both, replies => replies.Count > 0);
        Assert.Single(both, replies => replies.Count == 0);
        ProfileTranscriptTests.AssertRecommendation(new Replies(both.Single(r => r.Count > 0)), "data-scientist", 4, "azure");
    }

    private async Task<(CertBotServer A, CertBotServer B)> StartPairAsync()
    {
        var server = azurite.RequireServer();
        string[] store =
        [
            "--Storage:Provider=AzureBlob",
            $"--Storage:AzureBlob:ConnectionString={server.ConnectionString}",
            $"--Storage:AzureBlob:Container=certbots-{Guid.NewGuid().ToString("N")[..20]}",
        ];
        var a = await CertBotServer.StartAsync(null, store);
        var b = await CertBotServer.StartAsync(null, store);
        return (a, b);
    }
}

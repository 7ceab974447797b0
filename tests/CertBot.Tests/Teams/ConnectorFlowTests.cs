using System.Text.Json.Nodes;
using CertBot.Tests.Support;

namespace CertBot.Tests.Teams;

/// <summary>
/// Turns delivered the normal way (not expectReplies): replies, typing, card updates and the move to a
/// personal chat go to a recording Connector on loopback, as they would go to Teams.
/// </summary>
public sealed class ConnectorFlowTests : IAsyncLifetime
{
    private CertBotServer _server = null!;
    private RecordingConnector _connector = null!;

    public async Task InitializeAsync()
    {
        _server = await CertBotServer.StartAsync();
        _connector = await RecordingConnector.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task RecommendationInChannel_PersonalChatReachable_InterviewMovesThere()
    {
        var channel = new TestChat(_server, "channel", userId: "29:grace", userName: "Grace", serviceUrl: _connector.ServiceUrl);
        var status = await channel.DeliverAsync(Mentioned(channel, "which cert should I get?"));
        Assert.Equal(200, status);

        var create = Assert.Single(_connector.Where("POST", "/v3/conversations"), c => c.Path == "/v3/conversations");
        Assert.Equal("29:grace", (string?)create.Body!["members"]![0]!["id"]);
        var personal = _connector.Where("POST", "/v3/conversations/a:personal-chat/activities");
        Assert.Contains(personal, call => call.Body!.ToJsonString().Contains("prompt-role", StringComparison.Ordinal));
        var inChannel = _connector.Where("POST", $"/v3/conversations/{channel.ConversationId}/activities");
        Assert.Contains(inChannel, call => ((string?)call.Body!["text"])?.Contains("Grace", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(inChannel, call => call.Body!.ToJsonString().Contains("prompt-role", StringComparison.Ordinal));

        // The answer typed in the personal chat continues the same interview.
        var direct = new TestChat(_server, "personal", userId: "29:grace", userName: "Grace", conversationId: "a:personal-chat");
        var next = await direct.SayAsync("data scientist");
        Assert.True(Conversation.ProfileTranscriptTests.AsksFor(next, "mlYears"), next.ToString());
    }

    [Fact]
    public async Task RecommendationInChannel_PersonalChatRefused_InterviewStaysAddressedByName()
    {
        _connector.CreateConversationStatus = 403;
        var channel = new TestChat(_server, "channel", userId: "29:linus", userName: "Linus", serviceUrl: _connector.ServiceUrl);
        Assert.Equal(200, await channel.DeliverAsync(Mentioned(channel, "which cert should I get?")));

        var inChannel = _connector.Where("POST", $"/v3/conversations/{channel.ConversationId}/activities");
        Assert.Contains(inChannel, call => call.Body!.ToJsonString().Contains("prompt-role", StringComparison.Ordinal)
                                           && call.Body!.ToJsonString().Contains("Linus", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Recommendation_NormalDelivery_SendsTypingBeforeTheCard()
    {
        var chat = new TestChat(_server, serviceUrl: _connector.ServiceUrl);
        Assert.Equal(200, await chat.DeliverAsync(chat.Activity("message", a => a["text"] = "data scientist, 4 years of ML, azure")));

        var sent = _connector.Calls.Where(c => c.Path.StartsWith($"/v3/conversations/{chat.ConversationId}/activities", StringComparison.Ordinal)).ToList();
        var typing = sent.FindIndex(c => (string?)c.Body?["type"] == "typing");
        var card = sent.FindIndex(c => c.Body?.ToJsonString().Contains("share-recommendation", StringComparison.Ordinal) == true);
        Assert.True(typing >= 0 && card > typing, string.Join("\n", sent.Select(c => c.Body?.ToJsonString())));
    }

    [Fact]
    public async Task FeedbackClick_NormalDelivery_UpdatesTheAnswerCardInsteadOfPosting()
    {
        var chat = new TestChat(_server, serviceUrl: _connector.ServiceUrl);
        var click = chat.Activity("message", a =>
        {
            a["replyToId"] = "answer-card-1";
            a["value"] = new JsonObject { ["action"] = "faq-feedback", ["faqId"] = "cert-required-to-get-hired", ["helpful"] = true };
        });
        Assert.Equal(200, await chat.DeliverAsync(click));

        var update = Assert.Single(_connector.Where("PUT", "/activities/answer-card-1"));
        Assert.DoesNotContain("faq-feedback", update.Body!.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(_connector.Where("POST", $"/v3/conversations/{chat.ConversationId}/activities"));
    }

    private static JsonObject Mentioned(TestChat chat, string text) => chat.Activity("message", a =>
    {
        a["text"] = $"<at>{TestChat.BotName}</at> {text}";
        a["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["text"] = $"<at>{TestChat.BotName}</at>",
            ["mentioned"] = new JsonObject { ["id"] = TestChat.BotId, ["name"] = TestChat.BotName },
        });
    });
}

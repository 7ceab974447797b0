using System.Net;
using System.Text.Json.Nodes;
using CertBot.Tests.Support;

namespace CertBot.Tests.Teams;

/// <summary>Teams invokes answered synchronously: message extension search, Action.Execute, unknown names.</summary>
public sealed class InvokeTests(CertBotServerFixture fixture) : IClassFixture<CertBotServerFixture>
{
    private readonly CertBotServer _server = fixture.Server;

    [Theory]
    [InlineData("aws", "MLA-C01")]
    [InlineData("google ml engineer", "Professional Machine Learning Engineer")]
    [InlineData("azure", "AI-103")]
    public async Task ComposeExtensionQuery_Keyword_ListsMatchingCredentialCardsWithPreviews(string query, string expected)
    {
        var body = await InvokeAsync("composeExtension/query", Query(query));
        var result = body["composeExtension"]!.AsObject();
        Assert.Equal("result", (string?)result["type"]);
        Assert.Equal("list", (string?)result["attachmentLayout"]);
        var attachments = result["attachments"]!.AsArray();
        Assert.NotEmpty(attachments);
        Assert.All(attachments, a =>
        {
            Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)a!["contentType"]);
            Assert.Equal("application/vnd.microsoft.card.thumbnail", (string?)a["preview"]!["contentType"]);
        });
        Assert.Contains(expected, (string?)attachments[0]!["preview"]!["content"]!["title"] + attachments[0]!["content"]!.ToJsonString(), StringComparison.Ordinal);
        CardDump.Save([new JsonObject { ["type"] = "message", ["attachments"] = new JsonArray(attachments.Select(a => (JsonNode)new JsonObject { ["contentType"] = "application/vnd.microsoft.card.adaptive", ["content"] = a!["content"]!.DeepClone() }).ToArray()) }]);
    }

    [Fact]
    public async Task ComposeExtensionQuery_Profile_FirstResultIsSharedRecommendation()
    {
        var body = await InvokeAsync("composeExtension/query", Query("data scientist 3 years gcp"));
        var first = body["composeExtension"]!["attachments"]![0]!["content"]!.ToJsonString();
        Assert.Contains("share-recommendation", first, StringComparison.Ordinal);
        Assert.Contains("get-my-own-recommendation", first, StringComparison.Ordinal);
        Assert.Contains("\"role\":\"data-scientist\"", first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ComposeExtensionQuery_UnnamedParameter_IsUsedAsTheQuery()
    {
        var query = new JsonObject { ["parameters"] = new JsonArray(new JsonObject { ["value"] = "azure" }) };
        var body = await InvokeAsync("composeExtension/query", query);
        Assert.Contains("AI-103", body["composeExtension"]!["attachments"]![0]!["content"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ComposeExtensionQuery_NoMatch_ReturnsMessage()
    {
        var body = await InvokeAsync("composeExtension/query", Query("zzzz qqqq"));
        Assert.Equal("message", (string?)body["composeExtension"]!["type"]);
    }

    [Fact]
    public async Task AdaptiveCardAction_ExecuteFeedback_ReplacesCardInResponse()
    {
        var value = new JsonObject
        {
            ["action"] = new JsonObject
            {
                ["type"] = "Action.Execute",
                ["verb"] = "faq-feedback",
                ["data"] = new JsonObject { ["action"] = "faq-feedback", ["faqId"] = "cert-required-to-get-hired", ["helpful"] = true },
            },
            ["trigger"] = "manual",
        };
        var body = await InvokeAsync("adaptiveCard/action", value);
        Assert.Equal(200, body["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)body["type"]);
        Assert.DoesNotContain("faq-feedback", body["value"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdaptiveCardAction_NotExecute_Returns200WithStatusCode400()
    {
        var value = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Submit", ["data"] = new JsonObject { ["action"] = "help" } } };
        var body = await InvokeAsync("adaptiveCard/action", value);
        Assert.Equal(400, body["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.error", (string?)body["type"]);
    }

    [Fact]
    public async Task Invoke_UnknownName_Returns501()
    {
        var chat = new TestChat(_server);
        var activity = chat.Activity("invoke", a =>
        {
            a["name"] = "tab/fetch";
            a["value"] = new JsonObject();
        });
        using var response = await _server.PostAsync(activity);
        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    private static JsonObject Query(string text) => new()
    {
        ["commandId"] = "searchCertifications",
        ["parameters"] = new JsonArray(new JsonObject { ["name"] = "query", ["value"] = text }),
        ["queryOptions"] = new JsonObject { ["skip"] = 0, ["count"] = 10 },
    };

    private async Task<JsonObject> InvokeAsync(string name, JsonObject value)
    {
        var chat = new TestChat(_server);
        var activity = chat.Activity("invoke", a =>
        {
            a["name"] = name;
            a["value"] = value;
        });
        using var response = await _server.PostAsync(activity);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"HTTP {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }
}

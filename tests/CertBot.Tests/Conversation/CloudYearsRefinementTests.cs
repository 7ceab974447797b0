using System.Net;
using System.Text.Json.Nodes;
using CertBot.Tests.Support;

namespace CertBot.Tests.Conversation;

/// <summary>
/// "Years on AWS? None / Under 1 / 1-2 / 3+" on the recommendation card, through the real endpoint: in Teams the tap is
/// an Action.Execute invoke whose response is the re-judged card (Teams swaps it in place); elsewhere it arrives as
/// Action.Submit and the updated card is sent. Either way the years are kept for the next time.
/// </summary>
public sealed class CloudYearsRefinementTests(CertBotServerFixture fixture) : IClassFixture<CertBotServerFixture>
{
    private readonly CertBotServer _server = fixture.Server;

    [Theory]
    [InlineData("data scientist, 4 years of ML, AWS", "aws-mla-c01")]
    [InlineData("ML engineer, 5 years of ML, GCP", "google-pmle")]
    public async Task Recommendation_CloudYearsUnknown_OffersOneChipPerQuickAnswer(string utterance, string credentialId)
    {
        var card = RecommendationCard(await new TestChat(_server).SayAsync(utterance));

        Assert.Contains($"readiness-{credentialId}-check", Ids(card));
        Assert.Contains("cloud-years-question", Ids(card));
        var chips = Chips(card);
        Assert.Equal(["0", "0.5", "1.5", "4"], chips.Select(c => (string)c["data"]!["value"]!));
        Assert.All(chips, chip => Assert.Equal("Action.Submit", (string?)chip["fallback"]!["type"]));
    }

    [Theory]
    [InlineData("data scientist, 4 years of ML, 2 years on AWS, AWS")]
    [InlineData("data scientist, 4 years of ML, Azure")]
    [InlineData("data scientist, 4 years of ML, not sure which cloud")]
    public async Task Recommendation_CloudYearsKnownOrNotAsked_OffersNoChips(string utterance)
    {
        var card = RecommendationCard(await new TestChat(_server).SayAsync(utterance));

        Assert.DoesNotContain("cloud-years-question", Ids(card));
        Assert.Empty(Chips(card));
    }

    [Fact]
    public async Task Recommendation_InGroupChat_OffersNoChips()
    {
        var card = RecommendationCard(await new TestChat(_server, "groupChat").SayAsync("data scientist, 4 years of ML, AWS", mention: true));

        Assert.Contains("readiness-aws-mla-c01-check", Ids(card));
        Assert.Empty(Chips(card));
    }

    [Theory]
    [InlineData("0", "notyet")]
    [InlineData("0.5", "close")]
    [InlineData("1.5", "ready")]
    public async Task ExecuteInvoke_Chip_ReturnsTheReJudgedCardAndKeepsTheYears(string value, string level)
    {
        var chat = new TestChat(_server);
        var before = RecommendationCard(await chat.SayAsync("data scientist, 4 years of ML, AWS"));
        var chip = Chips(before).Single(c => (string?)c["data"]!["value"] == value);

        var activity = chat.Activity("invoke", a =>
        {
            a["name"] = "adaptiveCard/action";
            a["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = (string?)chip["verb"], ["data"] = chip["data"]!.DeepClone() }, ["trigger"] = "manual" };
        });
        using var response = await _server.PostAsync(activity);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(200, body["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)body["type"]);
        var refreshed = body["value"]!.AsObject();
        Assert.Contains($"readiness-aws-mla-c01-{level}", Ids(refreshed));
        Assert.Empty(Chips(refreshed));

        // Stored: the recommendation shown again is judged with the years given.
        var again = RecommendationCard(await chat.SayAsync("what did you recommend?"));
        Assert.Contains($"readiness-aws-mla-c01-{level}", Ids(again));
    }

    [Fact]
    public async Task Submit_Chip_OutsideTeams_SendsTheUpdatedCard()
    {
        var chat = new TestChat(_server);
        RecommendationCard(await chat.SayAsync("ML engineer, 5 years of ML, GCP"));

        var replies = await chat.SubmitAsync(new JsonObject { ["action"] = "profile-answer", ["slot"] = "cloudYears", ["value"] = "0.5" });

        Assert.Contains("readiness-google-pmle-close", Ids(RecommendationCard(replies)));
    }

    [Fact]
    public async Task ExecuteInvoke_ChipWithoutFinishedProfile_DoesNotPretendToRefresh()
    {
        var chat = new TestChat(_server);
        var activity = chat.Activity("invoke", a =>
        {
            a["name"] = "adaptiveCard/action";
            a["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["data"] = new JsonObject { ["action"] = "profile-answer", ["slot"] = "cloudYears", ["value"] = "1.5" } } };
        });
        using var response = await _server.PostAsync(activity);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual("application/vnd.microsoft.card.adaptive", (string?)body["type"]);
    }

    private static JsonObject RecommendationCard(Replies replies) =>
        Assert.Single(replies.Cards, card => Ids(card).Any(id => id.StartsWith("credential-", StringComparison.Ordinal)));

    // The chips are tappable columns whose select action is Action.Execute.
    private static List<JsonObject> Chips(JsonNode? node) => node switch
    {
        JsonObject o when o["selectAction"] is JsonObject select && (string?)select["verb"] == "cloud-years" => [select],
        JsonObject o => o.SelectMany(p => Chips(p.Value)).ToList(),
        JsonArray a => a.SelectMany(Chips).ToList(),
        _ => [],
    };

    private static List<string> Ids(JsonNode? node) => node switch
    {
        JsonObject o => (o["id"] is JsonValue v && v.TryGetValue<string>(out var id) ? [id] : new List<string>())
            .Concat(o.SelectMany(p => Ids(p.Value))).ToList(),
        JsonArray a => a.SelectMany(Ids).ToList(),
        _ => [],
    };
}

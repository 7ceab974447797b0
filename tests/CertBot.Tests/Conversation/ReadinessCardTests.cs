using System.Text.Json;
using System.Text.Json.Nodes;
using CertBot.Cards;
using CertBot.Tests.Support;

namespace CertBot.Tests.Conversation;

/// <summary>
/// The recommendation card's machine-readable readiness contract, through the real endpoint: each credential's block
/// is <c>credential-{id}</c> and its badge <c>readiness-{id}-{level}</c>.
/// </summary>
public sealed class ReadinessCardTests(CertBotServerFixture fixture) : IClassFixture<CertBotServerFixture>
{
    private static readonly string[] Levels = ["ready", "close", "check", "notyet"];

    private readonly CertBotServer _server = fixture.Server;

    [Theory]
    [InlineData("backend developer, 0 years of ML, AWS", "aws-mla-c01", "notyet")]
    [InlineData("ML engineer, 5 years, GCP", "google-pmle", "check")]
    [InlineData("ML engineer, 5 years, 2 years on GCP, GCP", "google-pmle", "ready")]
    public async Task Recommendation_Profile_BadgeIdCarriesTheLevel(string utterance, string credentialId, string level)
    {
        var card = await RecommendationCardFor(utterance);

        Assert.Equal(level, LevelOf(card, credentialId));
    }

    [Fact]
    public async Task Recommendation_BackendDeveloperOnAws_ProfessionalExamNotBetterThanAssociate()
    {
        var card = await RecommendationCardFor("backend developer, 0 years of ML, AWS");

        var associate = Array.IndexOf(Levels, LevelOf(card, "aws-mla-c01"));
        var professional = Array.IndexOf(Levels, LevelOf(card, "aws-aip-c01"));
        Assert.True(professional >= associate, card.ToJsonString());
    }

    [Theory]
    [InlineData("backend developer, 0 years of ML, AWS")]
    [InlineData("ML engineer, 5 years, GCP")]
    [InlineData("data scientist, 2 years, not sure which cloud")]
    public async Task Recommendation_Profile_EveryCredentialHasBlockAndOneBadgeAndIdsAreUnique(string utterance)
    {
        var card = await RecommendationCardFor(utterance);

        var ids = Ids(card).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        var blocks = ids.Where(id => id.StartsWith("credential-", StringComparison.Ordinal)).Select(id => id["credential-".Length..]).ToList();
        Assert.NotEmpty(blocks);
        foreach (var credentialId in blocks)
        {
            Assert.Contains(LevelOf(card, credentialId), Levels);
        }

        using var document = JsonDocument.Parse(card.ToJsonString());
        Assert.Empty(CardInspector.Inspect(document.RootElement));
    }

    [Fact]
    public async Task Recommendation_TargetingAws_DoesNotMentionGooglePlatformYears()
    {
        var card = await RecommendationCardFor("ML engineer, 5 years, 2 years on AWS, AWS");

        Assert.DoesNotContain("Years on Google Cloud", card.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("Years on AWS", card.ToJsonString(), StringComparison.Ordinal);
    }

    private async Task<JsonObject> RecommendationCardFor(string utterance)
    {
        var replies = await new TestChat(_server).SayAsync(utterance);
        return replies.Cards.Single(card => Ids(card).Any(id => id.StartsWith("credential-", StringComparison.Ordinal)));
    }

    /// <summary>The level in the one badge id of <paramref name="credentialId"/>.</summary>
    private static string LevelOf(JsonObject card, string credentialId)
    {
        var prefix = $"readiness-{credentialId}-";
        Assert.Contains($"credential-{credentialId}", Ids(card));
        var badge = Assert.Single(Ids(card), id => id.StartsWith(prefix, StringComparison.Ordinal));
        return badge[prefix.Length..];
    }

    private static IEnumerable<string> Ids(JsonNode? node) => node switch
    {
        JsonObject o => (o["id"] is JsonValue v && v.TryGetValue<string>(out var id) ? [id] : Array.Empty<string>())
            .Concat(o.Select(p => p.Value).SelectMany(Ids)),
        JsonArray a => a.SelectMany(Ids),
        _ => [],
    };
}

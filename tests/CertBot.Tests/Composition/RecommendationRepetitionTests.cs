using System.Text.Json.Nodes;
using CertBot.Conversation;
using CertBot.Knowledge.Hosting;
using CertBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CertBot.Tests.Composition;

/// <summary>
/// Issue 13 item 5, "nothing is said twice; last checked once", through the real endpoint for every role and cloud,
/// with and without years on the cloud: no curated fact of a credential appears in two places of the card (first screen
/// and details together), and when the facts were checked is said once.
/// </summary>
public sealed class RecommendationRepetitionTests(CertBotServerFixture fixture) : IClassFixture<CertBotServerFixture>
{
    // Shorter facts ("USD 150", "Not confirmed") may honestly recur in a table and a line; the sentences may not.
    private const int SentenceLength = 20;

    private readonly CertBotServer _server = fixture.Server;

    public static TheoryData<string> People()
    {
        var data = new TheoryData<string>();
        foreach (var role in new[] { "backend developer, 0 years of ML", "data scientist, 4 years of ML", "ML engineer, 5 years of ML" })
        {
            foreach (var cloud in new[] { "GCP", "AWS", "Azure" })
            {
                data.Add($"{role}, {cloud}");
                data.Add($"{role}, 2 years on {cloud}, {cloud}");
            }

            data.Add($"{role}, not sure which cloud");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(People))]
    public async Task Recommendation_Person_SaysEachFactOnceAndLastCheckedOnce(string utterance)
    {
        var knowledge = _server.Services.GetRequiredService<IKnowledgeSource>().Current;
        var messages = _server.Services.GetRequiredService<BotMessages>();
        var replies = await new TestChat(_server).SayAsync(utterance);
        var card = Assert.Single(replies.Cards, c => c.ToJsonString().Contains("\"credential-", StringComparison.Ordinal));
        var texts = Texts(card).ToList();

        var facts = knowledge.Credentials
            .SelectMany(c => new[] { c.PreparationTime, c.Experience.Description, c.Format, c.Cost, c.Caveat })
            .OfType<string>()
            .Where(fact => fact.Length >= SentenceLength)
            .Distinct(StringComparer.Ordinal);
        foreach (var fact in facts)
        {
            var places = texts.Count(text => text.Contains(fact, StringComparison.Ordinal));
            Assert.True(places <= 1, $"'{utterance}': \"{fact}\" is said {places} times");
        }

        // One "Facts last checked" line, and no other text (a per-credential "Last checked" fact) saying it again.
        Assert.Single(Ids(card), id => id == "last-checked");
        Assert.Single(texts, text => text.Contains(messages.Faq.LastCheckedLabel, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("backend developer, 0 years of ML, not sure which cloud")]
    [InlineData("ML engineer, 5 years of ML, not sure which cloud")]
    public async Task Recommendation_Undecided_ListsEachExamOnceWithItsReadiness(string utterance)
    {
        var knowledge = _server.Services.GetRequiredService<IKnowledgeSource>().Current;
        var replies = await new TestChat(_server).SayAsync(utterance);
        var card = Assert.Single(replies.Cards, c => c.ToJsonString().Contains("\"credential-", StringComparison.Ordinal));

        // The side-by-side table lists each exam it compares, with its readiness; "Other current exams" does not again.
        var table = Assert.Single(card["body"]!.AsArray(), e => (string?)e?["id"] == "cloud-options");
        var inTable = Ids(table).ToList();
        var compared = knowledge.Credentials.Where(c => inTable.Contains($"credential-{c.Id}")).ToList();
        Assert.True(compared.Count >= 3, $"'{utterance}': the table lists {compared.Count} exams");
        var ids = Ids(card).ToList();
        foreach (var credential in compared)
        {
            Assert.Single(ids, id => id == $"credential-{credential.Id}");
            Assert.Single(ids, id => id.StartsWith($"readiness-{credential.Id}-", StringComparison.Ordinal));
            Assert.Contains(inTable, id => id.StartsWith($"readiness-{credential.Id}-", StringComparison.Ordinal));
        }
    }

    // What a person reads: text blocks and fact values (action titles and data are not shown as text).
    private static IEnumerable<string> Texts(JsonNode? node) => node switch
    {
        JsonObject o => new[] { "text", "value" }
            .Select(name => o[name] is JsonValue v && v.TryGetValue<string>(out var text) ? text : null)
            .OfType<string>()
            .Concat(o.Where(p => p.Key is not "actions" and not "selectAction" and not "data").SelectMany(p => Texts(p.Value))),
        JsonArray a => a.SelectMany(Texts),
        _ => [],
    };

    private static IEnumerable<string> Ids(JsonNode? node) => node switch
    {
        JsonObject o => (o["id"] is JsonValue v && v.TryGetValue<string>(out var id) ? [id] : Array.Empty<string>())
            .Concat(o.Select(p => p.Value).SelectMany(Ids)),
        JsonArray a => a.SelectMany(Ids),
        _ => [],
    };
}

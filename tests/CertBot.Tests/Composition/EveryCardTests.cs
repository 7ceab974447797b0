using System.Text.Json;
using System.Text.Json.Nodes;
using CertBot.Cards;
using CertBot.Composition;
using CertBot.Conversation;
using CertBot.Conversation.Features;
using CertBot.Knowledge.Hosting;
using CertBot.Knowledge.Model;
using CertBot.Knowledge.Recommendations;
using CertBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CertBot.Tests.Composition;

/// <summary>
/// Every kind of card the bot can send, produced through the real endpoint, checked for what Teams needs:
/// version 1.5, only our element and action types, required properties, fallback text, size under the limit.
/// </summary>
public sealed class EveryCardTests(CertBotServerFixture fixture) : IClassFixture<CertBotServerFixture>
{
    private readonly CertBotServer _server = fixture.Server;

    public static TheoryData<string, string> Profiles()
    {
        var data = new TheoryData<string, string>();
        foreach (var role in new[] { "software-engineer", "data-scientist", "ml-practitioner" })
        {
            foreach (var cloud in new[] { "gcp", "aws", "azure", "undecided" })
            {
                data.Add(role, cloud);
            }
        }

        return data;
    }

    /// <summary>Every feature the host registers, so a new one is inspected without being listed here.</summary>
    public static TheoryData<string> Features()
    {
        var data = new TheoryData<string>();
        foreach (var feature in CardFeatureEntry.InHost)
        {
            data.Add(feature.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Features))]
    public async Task FeatureCard_EveryFeatureByPhraseAndByButton_PassesInspection(string feature)
    {
        var phrase = _server.Services.GetRequiredService<BotMessages>().Intents.Of(feature)[0];

        AssertCardsPass(await new TestChat(_server).SayAsync(phrase));
        AssertCardsPass(await new TestChat(_server).SubmitAsync(new JsonObject { ["action"] = feature }));
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public async Task RecommendationCard_EveryRoleAndCloud_PassesInspectionAndNeverRecommendsRetired(string role, string cloud)
    {
        var recommender = _server.Services.GetRequiredService<IKnowledgeSource>().Snapshot.Recommender;
        var advice = recommender.Recommend(new LearnerProfile(LearnerWireNames.ParseRole(role), 2, LearnerWireNames.ParseCloud(cloud), null));

        // The person's own card, from their words, and the compact card a colleague shares.
        var own = await new TestChat(_server).SayAsync(Utterance(role, cloud));
        var shared = await new TestChat(_server).SubmitAsync(new JsonObject
        {
            ["action"] = "share-recommendation",
            ["profile"] = new JsonObject { ["role"] = role, ["mlYears"] = 2, ["cloud"] = cloud },
        });
        foreach (var replies in new[] { own, shared })
        {
            AssertCardsPass(replies);
            var card = replies.Cards.Single(c => c.ToJsonString().Contains("share-recommendation", StringComparison.Ordinal));
            if (Element(card, "primary-credential") is { } primary)
            {
                foreach (var retired in new[] { "MLS-C01", "AI-102" })
                {
                    Assert.DoesNotContain(retired, (string?)primary["text"], StringComparison.Ordinal);
                }
            }
            else
            {
                // Only an undecided cloud leaves the primary open; then the three current exams stand side by side.
                Assert.Equal("undecided", cloud);
                var options = Element(card, "cloud-options")!.ToJsonString();
                Assert.Equal(3, advice.CloudOptions.Count);
                Assert.All(advice.CloudOptions, option => Assert.Contains(option.Credential.ShortName!, options, StringComparison.Ordinal));
                Assert.DoesNotContain("MLS-C01", options, StringComparison.Ordinal);
                Assert.DoesNotContain("AI-102", options, StringComparison.Ordinal);
            }
        }

        // The path in full is one tap away on the person's own card, not on the compact one.
        var messages = _server.Services.GetRequiredService<BotMessages>();
        var knowledge = _server.Services.GetRequiredService<IKnowledgeSource>().Current;
        var path = AdviceText.Path(messages.Recommendation, knowledge, advice.PathSummary);
        Assert.Contains(path, own.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(path, shared.AllText, StringComparison.Ordinal);
    }

    private static string Utterance(string role, string cloud)
    {
        var who = role switch { "software-engineer" => "backend developer", "data-scientist" => "data scientist", _ => "ML engineer" };
        return $"{who}, 2 years of ML, {(cloud == "undecided" ? "not sure which cloud" : cloud)}";
    }

    private static JsonNode? Element(JsonNode? node, string id) => node switch
    {
        JsonObject o when (string?)(o["id"] as JsonValue) == id => o,
        JsonObject o => o.Select(p => Element(p.Value, id)).FirstOrDefault(found => found is not null),
        JsonArray a => a.Select(child => Element(child, id)).FirstOrDefault(found => found is not null),
        _ => null,
    };

    [Fact]
    public async Task FaqAnswerCard_EveryFaqEntry_PassesInspection()
    {
        var knowledge = _server.Services.GetRequiredService<IKnowledgeSource>().Current;
        var chat = new TestChat(_server);
        foreach (var entry in knowledge.Faqs)
        {
            var replies = await chat.SubmitAsync(new JsonObject { ["action"] = "faq-ask", ["faqId"] = entry.Id });
            Assert.Single(replies.Cards);
            AssertCardsPass(replies);
        }
    }

    [Fact]
    public async Task OtherCards_WelcomeHelpCompareAskPrompts_PassInspection()
    {
        var chat = new TestChat(_server);
        AssertCardsPass(await chat.InstallAsync());
        AssertCardsPass(await chat.SayAsync("help"));
        AssertCardsPass(await chat.SayAsync("compare"));
        AssertCardsPass(await chat.SayAsync("what's the weather like"));
        AssertCardsPass(await chat.SayAsync("get a recommendation"));
        AssertCardsPass(await chat.SayAsync("data scientist"));
        AssertCardsPass(await chat.SayAsync("3"));
        AssertCardsPass(await chat.SayAsync("aws"));
        var group = new TestChat(_server, "groupChat");
        AssertCardsPass(await group.InstallAsync());
    }

    private static void AssertCardsPass(Replies replies)
    {
        Assert.NotEmpty(replies.Cards);
        foreach (var card in replies.Cards)
        {
            using var document = JsonDocument.Parse(card.ToJsonString());
            var problems = CardInspector.Inspect(document.RootElement);
            Assert.True(problems.Count == 0, string.Join("\n", problems) + "\n" + card.ToJsonString());
            Assert.Equal("1.5", (string?)card["version"]);
        }
    }
}

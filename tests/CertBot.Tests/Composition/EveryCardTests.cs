using System.Text.Json;
using System.Text.Json.Nodes;
using CertBot.Cards;
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

    [Theory]
    [MemberData(nameof(Profiles))]
    public async Task RecommendationCard_EveryRoleAndCloud_PassesInspectionAndNeverRecommendsRetired(string role, string cloud)
    {
        var chat = new TestChat(_server);
        var shared = await chat.SubmitAsync(new JsonObject
        {
            ["action"] = "share-recommendation",
            ["profile"] = new JsonObject { ["role"] = role, ["mlYears"] = 2, ["cloud"] = cloud },
        });
        AssertCardsPass(shared);
        var primary = shared.Cards
            .SelectMany(card => card["body"]!.AsArray())
            .FirstOrDefault(element => (string?)element?["id"] == "primary-credential");
        if (primary is not null)
        {
            foreach (var retired in new[] { "MLS-C01", "AI-102" })
            {
                Assert.DoesNotContain(retired, (string?)primary["text"], StringComparison.Ordinal);
            }
        }
        else
        {
            // Only an undecided cloud may leave the primary open, and then the card gives the knowledge file's advice.
            Assert.Equal("undecided", cloud);
            var expected = _server.Services.GetRequiredService<IKnowledgeSource>().Snapshot.Recommender
                .Recommend(new LearnerProfile(LearnerWireNames.ParseRole(role), 2, TargetCloud.Undecided, null)).CompareAdvice;
            Assert.False(string.IsNullOrWhiteSpace(expected));
            Assert.Contains(expected, shared.AllText, StringComparison.Ordinal);
        }

        var pathSummary = _server.Services.GetRequiredService<IKnowledgeSource>().Snapshot.Recommender
            .Recommend(new LearnerProfile(LearnerWireNames.ParseRole(role), 2, LearnerWireNames.ParseCloud(cloud), null)).PathSummary;
        Assert.Contains(pathSummary, shared.AllText, StringComparison.Ordinal);
    }

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

using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using CertBot.Cards;
using CertBot.Knowledge.Hosting;
using CertBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CertBot.Tests.Composition;

/// <summary>
/// One card of every kind, for representative people (every role, every cloud including undecided), produced through
/// the real endpoint as Teams would receive it and saved under a name that says what it shows. The end-to-end tier
/// (tests/e2e/tests/card-budgets.test.js) renders each at 360 and 1024 px, fails any card over its height budget or
/// with a word broken inside, and saves the screenshots under the same names.
/// </summary>
public sealed class CardGalleryTests(CertBotServerFixture fixture) : IClassFixture<CertBotServerFixture>
{
    private readonly CertBotServer _server = fixture.Server;

    /// <summary>Role as the person types it, its short name in file names, and typical ML years for it.</summary>
    private static readonly (string Text, string Name, int Years)[] Roles =
        [("backend developer", "swe", 0), ("data scientist", "ds", 4), ("ML engineer", "mlp", 5)];

    private static readonly (string Text, string Name)[] Clouds =
        [("GCP", "gcp"), ("AWS", "aws"), ("Azure", "azure"), ("not sure which cloud", "undecided")];

    public static TheoryData<string, string> People()
    {
        var data = new TheoryData<string, string>();
        foreach (var role in Roles)
        {
            foreach (var cloud in Clouds)
            {
                data.Add($"{role.Text}, {role.Years} years of ML, {cloud.Text}", $"{role.Name}-{cloud.Name}");
            }
        }

        // The verdict changes the advice: the same people once they have said their years on the cloud.
        data.Add("ML engineer, 5 years of ML, 2 years on GCP, GCP", "mlp-gcp-ready");
        data.Add("data scientist, 4 years of ML, 2 years on AWS, AWS", "ds-aws-ready");
        data.Add("ML engineer, 5 years of ML, half a year on AWS, AWS", "mlp-aws-close");
        return data;
    }

    [Theory]
    [MemberData(nameof(People))]
    public async Task Recommendation_Person_SavesTheCardAndItsComparison(string utterance, string name)
    {
        var chat = new TestChat(_server);
        var card = Single(await chat.SayAsync(utterance), "credential-", utterance);
        Assert.True(HasId(card, "primary-credential") || HasId(card, "cloud-options"), card.ToJsonString());
        Assert.True(HasId(card, "details"), "the details are one tap away");
        Save($"recommendation-{name}", card);

        // "Compare all" from the recommendation: the comparison shows this person's readiness.
        Save($"comparison-{name}", Single(await chat.SubmitAsync(Data("compare")), "credential-", "compare"));
    }

    [Fact]
    public async Task SharedRecommendation_GroupChat_SavesTheCompactCard()
    {
        var group = new TestChat(_server, "groupChat", userName: "Ada");
        var replies = await group.SubmitAsync(new JsonObject
        {
            ["action"] = "share-recommendation",
            ["profile"] = new JsonObject { ["role"] = "data-scientist", ["mlYears"] = 4, ["cloud"] = "aws" },
        });
        var card = Single(replies, "credential-", "share");
        Assert.False(HasId(card, "details"), "a shared card is the compact version");
        Save("shared-ds-aws", card);

        var asked = await new TestChat(_server, "groupChat", userName: "Linus").SayAsync("ML engineer, 5 years of ML, azure", mention: true);
        Save("recommendation-group-mlp-azure", Single(asked, "credential-", "group recommendation"));
    }

    [Fact]
    public async Task CloudYearsChip_ExecuteInTeams_SavesTheRefreshedCard()
    {
        var chat = new TestChat(_server);
        var before = Single(await chat.SayAsync("data scientist, 4 years of ML, AWS"), "credential-", "profile");
        Assert.True(HasId(before, "cloud-years-question"), before.ToJsonString());
        var activity = chat.Activity("invoke", a =>
        {
            a["name"] = "adaptiveCard/action";
            a["value"] = new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "cloud-years", ["data"] = new JsonObject { ["action"] = "profile-answer", ["slot"] = "cloudYears", ["value"] = "0.5" } },
                ["trigger"] = "manual",
            };
        });
        using var response = await _server.PostAsync(activity);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Save("recommendation-ds-aws-after-cloud-years", body["value"]!.AsObject());
    }

    [Fact]
    public async Task OtherCards_EveryKind_AreSaved()
    {
        var chat = new TestChat(_server);
        Save("welcome", Single(await chat.InstallAsync(), null, "install"));
        Save("welcome-group", Single(await new TestChat(_server, "groupChat").InstallAsync(), null, "group install"));
        Save("help", Single(await chat.SayAsync("help"), null, "help"));
        Save("comparison", Single(await chat.SayAsync("compare certifications"), "credential-", "compare"));
        Save("did-you-mean", Single(await chat.SayAsync("exam"), null, "exam"));
        Save("not-held", Single(await chat.SayAsync("what's the passing score for the google ml engineer exam?"), null, "passing score"));
        Save("out-of-scope", Single(await chat.SayAsync("tell me a joke"), null, "joke"));
        Save("prompt-role", Single(await chat.SayAsync("get a recommendation"), "prompt-", "start"));
        Save("prompt-ml-years", Single(await chat.SayAsync("data scientist"), "prompt-", "role"));
        Save("prompt-cloud", Single(await chat.SayAsync("3"), "prompt-", "years"));
    }

    [Fact]
    public async Task FaqAnswer_EveryEntry_IsSaved()
    {
        var knowledge = _server.Services.GetRequiredService<IKnowledgeSource>().Current;
        var chat = new TestChat(_server);
        foreach (var entry in knowledge.Faqs)
        {
            Save($"faq-{entry.Id}", Single(await chat.SubmitAsync(new JsonObject { ["action"] = "faq-ask", ["faqId"] = entry.Id }), null, entry.Id));
        }
    }

    /// <summary>Answers fitted to a known profile carry a "For you" line above the answer, so they get their own budget check.</summary>
    [Theory]
    [InlineData("data scientist, 4 years of ML, AWS", "which vendor should I start with?", "faq-which-vendor-first-for-ds-aws")]
    [InlineData("backend developer, 0 years of ML, GCP", "which vendor should I start with?", "faq-which-vendor-first-for-swe-gcp")]
    [InlineData("data scientist, 4 years of ML, AWS", "how long should I prepare for the exam?", "faq-aws-prep-time-for-ds-aws")]
    [InlineData("data scientist, 2 years of ML, Azure", "how do I move into machine learning engineering?", "faq-data-scientist-path-for-ds-azure")]
    public async Task FaqAnswer_ProfileKnown_IsSaved(string profile, string question, string name)
    {
        var chat = new TestChat(_server);
        await chat.SayAsync(profile);

        Save(name, Single(await chat.SayAsync(question), null, question));
    }

    [Fact]
    public async Task CredentialCard_MessageExtension_IsSaved()
    {
        var chat = new TestChat(_server);
        var activity = chat.Activity("invoke", a =>
        {
            a["name"] = "composeExtension/query";
            a["value"] = new JsonObject { ["commandId"] = "searchCertifications", ["parameters"] = new JsonArray(new JsonObject { ["name"] = "query", ["value"] = "aws" }) };
        });
        using var response = await _server.PostAsync(activity);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Save("credential-aws-mla-c01", body["composeExtension"]!["attachments"]![0]!["content"]!.AsObject());
    }

    private static JsonObject Data(string action) => new() { ["action"] = action };

    // The one card of the turn; with idPrefix, the one whose ids start with it (a turn may add a text or a prompt).
    private static JsonObject Single(Replies replies, string? idPrefix, string what)
    {
        var cards = replies.Cards.Where(card => idPrefix is null || Ids(card).Any(id => id.StartsWith(idPrefix, StringComparison.Ordinal))).ToList();
        Assert.True(cards.Count == 1, $"{what}: expected one card, got {cards.Count}: {replies}");
        return cards[0];
    }

    private static void Save(string name, JsonObject card)
    {
        using var document = JsonDocument.Parse(card.ToJsonString());
        var problems = CardInspector.Inspect(document.RootElement);
        Assert.True(problems.Count == 0, $"{name}: {string.Join("\n", problems)}");
        CardDump.SaveNamed(name, card);
    }

    private static bool HasId(JsonNode card, string id) => Ids(card).Contains(id);

    private static IEnumerable<string> Ids(JsonNode? node) => node switch
    {
        JsonObject o => (o["id"] is JsonValue v && v.TryGetValue<string>(out var id) ? [id] : Array.Empty<string>())
            .Concat(o.Select(p => p.Value).SelectMany(Ids)),
        JsonArray a => a.SelectMany(Ids),
        _ => [],
    };
}

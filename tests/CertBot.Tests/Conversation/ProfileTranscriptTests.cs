using System.Text.Json.Nodes;
using CertBot.Tests.Support;

namespace CertBot.Tests.Conversation;

/// <summary>
/// Conversation paths as tables of utterance → expected reply, run through the real HTTP endpoint
/// (deliveryMode expectReplies), the way Bot Framework's core-bot tests drive the real pipeline.
/// </summary>
public sealed class ProfileTranscriptTests(CertBotServerFixture fixture) : IClassFixture<CertBotServerFixture>
{
    private readonly CertBotServer _server = fixture.Server;

    [Fact]
    public async Task Install_PersonalChat_SendsWelcomeCardWithThreeActions()
    {
        var chat = new TestChat(_server);
        var replies = await chat.InstallAsync();

        Assert.Single(replies.Cards);
        Assert.Contains("CertBot", replies.AllText, StringComparison.Ordinal);
        Assert.Single(replies.ButtonsWithAction("start-recommendation"));
        Assert.Single(replies.ButtonsWithAction("compare"));
        Assert.Single(replies.ButtonsWithAction("ask"));
    }

    [Fact]
    public async Task Install_SecondConversationUpdate_DoesNotWelcomeTwice()
    {
        var chat = new TestChat(_server);
        await chat.InstallAsync();
        var again = await chat.InstallAsync();
        Assert.Empty(again.Messages);
    }

    [Fact]
    public async Task Install_InstallationUpdateAfterConversationUpdate_WelcomesOnce()
    {
        var chat = new TestChat(_server, "groupChat");
        var first = await chat.InstallAsync();
        var installation = await chat.SubmitActivityAsync(chat.Activity("installationUpdate", a => a["action"] = "add"));
        Assert.Single(first.Cards);
        Assert.Empty(installation.Messages);
    }

    /// <summary>The manifest's command list titles, as Teams sends them when picked from the command menu.</summary>
    [Theory]
    [InlineData("Help", "help")]
    [InlineData("Get a recommendation", "interview")]
    [InlineData("Compare certifications", "comparison")]
    [InlineData("Ask a question", "ask")]
    public async Task ManifestCommand_Picked_OpensThatFeature(string command, string feature)
    {
        var replies = await new TestChat(_server).SayAsync(command);
        switch (feature)
        {
            case "help":
                Assert.Single(replies.Cards);
                Assert.NotEmpty(replies.ButtonsWithAction("start-recommendation"));
                Assert.False(AsksFor(replies, "role"));
                break;
            case "interview":
                Assert.True(AsksFor(replies, "role"), replies.ToString());
                break;
            case "comparison":
                Assert.Contains("MLS-C01", replies.AllText, StringComparison.Ordinal);
                break;
            case "ask":
                Assert.Single(replies.Messages);
                Assert.Empty(replies.Cards);
                break;
        }
    }

    [Fact]
    public async Task FullDialog_ByButtons_EndsWithGoogleRecommendation()
    {
        var chat = new TestChat(_server);
        await chat.InstallAsync();

        var role = await chat.ClickAsync("Get a recommendation");
        Assert.Equal(3, PromptChoices(role, "role").Count);

        var years = await chat.ClickAsync("Data scientist moving into engineering");
        Assert.Empty(PromptChoices(years, "role"));
        Assert.Contains("years", years.AllText, StringComparison.OrdinalIgnoreCase);

        var cloud = await chat.SayAsync("4");
        Assert.Equal(4, PromptChoices(cloud, "cloud").Count);

        // Three facts, three questions: the cloud answer brings the recommendation at once.
        var recommendation = await chat.ClickAsync("Google Cloud");
        AssertRecommendation(recommendation, "data-scientist", 4, "gcp");
        Assert.Contains("Professional Machine Learning Engineer", recommendation.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FullDialog_ByFreeTextWithTyposAndWords_EndsWithAzureRecommendation()
    {
        var chat = new TestChat(_server);
        var steps = new (string Utterance, string ExpectedSlot)[]
        {
            ("which cert should I get?", "role"),
            ("i'm a sofware engineer", "mlYears"),
            ("two and a half years", "cloud"),
        };
        foreach (var (utterance, slot) in steps)
        {
            var replies = await chat.SayAsync(utterance);
            Assert.True(AsksFor(replies, slot), $"After '{utterance}' expected a question about {slot}; got: {replies}");
        }

        var recommendation = await chat.SayAsync("azure");
        AssertRecommendation(recommendation, "software-engineer", 2.5m, "azure");
        Assert.Contains("AI-103", recommendation.AllText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("data scientist, 4 years of ML, 2 years on AWS", "data-scientist", 4, "aws")]
    [InlineData("ML engineer with 6 years, we use azure", "ml-practitioner", 6, "azure")]
    [InlineData("swe, 0 years of ml, cloud undecided", "software-engineer", 0, "undecided")]
    public async Task AllAtOnce_EverySlotGiven_RecommendsWithoutQuestions(string utterance, string role, decimal years, string cloud)
    {
        var chat = new TestChat(_server);
        var replies = await chat.SayAsync(utterance);
        AssertRecommendation(replies, role, years, cloud);
    }

    [Fact]
    public async Task AllAtOnce_AwsShopWithoutCloudYears_RecommendsAtOnce()
    {
        var chat = new TestChat(_server);
        var recommendation = await chat.SayAsync("DS, 4 yrs, we're an AWS shop");
        Assert.False(AsksFor(recommendation, "cloudYears"), recommendation.ToString());
        AssertRecommendation(recommendation, "data-scientist", 4, "aws");
        Assert.Contains("MLA-C01", recommendation.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidAnswers_RepromptThenGiveUpAndMoveOn()
    {
        var chat = new TestChat(_server);
        await chat.SayAsync("get a recommendation");
        await chat.SayAsync("data scientist");

        var first = await chat.SayAsync("banana");
        Assert.True(AsksFor(first, "mlYears"), first.ToString());
        var second = await chat.SayAsync("purple");
        Assert.True(AsksFor(second, "mlYears") || AsksFor(second, "cloud"), second.ToString());
        var third = await chat.SayAsync("zebra");
        var movedOn = AsksFor(second, "cloud") ? second : third;
        Assert.True(AsksFor(movedOn, "cloud"), $"The dialog should move on to the cloud after the retry limit; got: {movedOn}");
    }

    [Fact]
    public async Task FaqMidDialog_AnswersThenAsksPendingQuestionAgain()
    {
        var chat = new TestChat(_server);
        await chat.SayAsync("get a recommendation");
        await chat.SayAsync("data scientist");

        var replies = await chat.SayAsync("do i need a certifcation to get hired");
        var feedback = replies.ButtonsWithAction("faq-feedback");
        Assert.Equal(2, feedback.Count);
        Assert.All(feedback, data => Assert.Equal("cert-required-to-get-hired", (string?)data["faqId"]));
        Assert.True(AsksFor(replies, "mlYears"), replies.ToString());

        var next = await chat.SayAsync("3");
        Assert.True(AsksFor(next, "cloud"), next.ToString());
    }

    [Fact]
    public async Task Cancel_MidDialog_StopsAsking()
    {
        var chat = new TestChat(_server);
        await chat.SayAsync("get a recommendation");
        var cancelled = await chat.SayAsync("cancel");
        Assert.False(AsksFor(cancelled, "role"));
        Assert.NotEmpty(cancelled.Messages);
    }

    [Fact]
    public async Task StartOver_MidDialog_AsksTheFirstQuestionAgain()
    {
        var chat = new TestChat(_server);
        await chat.SayAsync("get a recommendation");
        await chat.SayAsync("data scientist");
        var restarted = await chat.SayAsync("start over");
        Assert.True(AsksFor(restarted, "role"), restarted.ToString());
    }

    [Fact]
    public async Task ChangeCloud_AfterRecommendation_RecommendsForTheNewCloud()
    {
        var chat = new TestChat(_server);
        AssertRecommendation(await chat.SayAsync("ml practitioner, 5 years, 2 years on gcp"), "ml-practitioner", 5, "gcp");

        var changed = await chat.SayAsync("change my cloud to Azure");
        AssertRecommendation(changed, "ml-practitioner", 5, "azure");
    }

    [Fact]
    public async Task NewFacts_AfterRecommendation_ReviseTheProfile()
    {
        var chat = new TestChat(_server);
        AssertRecommendation(await chat.SayAsync("data scientist, 4 years of ML, azure"), "data-scientist", 4, "azure");

        AssertRecommendation(await chat.SayAsync("what about aws"), "data-scientist", 4, "aws");

        AssertRecommendation(await chat.SayAsync("and with azure?"), "data-scientist", 4, "azure");
    }

    [Fact]
    public async Task Trigger_AfterRecommendation_StartsANewInterview()
    {
        var chat = new TestChat(_server);
        await chat.SayAsync("data scientist, 4 years of ML, azure");
        var again = await chat.SayAsync("which cert should I get?");
        Assert.True(AsksFor(again, "role"), again.ToString());
    }

    [Fact]
    public async Task ForgetMe_MidDialog_DeletesStateAndSaysSo()
    {
        var chat = new TestChat(_server);
        await chat.SayAsync("get a recommendation");
        await chat.SayAsync("data scientist");
        var forgotten = await chat.SayAsync("forget me");
        Assert.NotEmpty(forgotten.Messages);
        Assert.Empty(forgotten.Cards);

        // The interview is gone: a bare number is no longer an answer to a pending question.
        var after = await chat.SayAsync("3");
        Assert.False(AsksFor(after, "cloud"), after.ToString());
    }

    [Fact]
    public async Task Help_MidDialog_ExplainsAndRepeatsTheQuestion()
    {
        var chat = new TestChat(_server);
        await chat.SayAsync("get a recommendation");
        var help = await chat.SayAsync("help");
        Assert.True(AsksFor(help, "role"), help.ToString());
        Assert.True(help.Messages.Count >= 2, help.ToString());
    }

    [Fact]
    public async Task Restart_MidDialog_ResumesWhereItWas()
    {
        var path = Path.Combine(Path.GetTempPath(), $"certbot-restart-{Guid.NewGuid():N}.db");
        string conversationId;
        await using (var first = await CertBotServer.StartAsync(path))
        {
            var chat = new TestChat(first, userId: "29:restart-user");
            conversationId = chat.ConversationId;
            await chat.SayAsync("get a recommendation");
            Assert.True(AsksFor(await chat.SayAsync("data scientist"), "mlYears"));
        }

        await using var second = await CertBotServer.StartAsync(path);
        var resumed = new TestChat(second, userId: "29:restart-user", conversationId: conversationId);
        var replies = await resumed.SayAsync("3");
        Assert.True(AsksFor(replies, "cloud"), replies.ToString());
    }

    /// <summary>The choices (button values) of a dialog question about <paramref name="slot"/>.</summary>
    internal static IReadOnlyList<string> PromptChoices(Replies replies, string slot)
        => replies.ButtonsWithAction("profile-answer").Where(d => (string?)d["slot"] == slot).Select(d => (string)d["value"]!).ToList();

    /// <summary>True when the turn asks the question about <paramref name="slot"/> (the prompt card's text block is named after its slot).</summary>
    internal static bool AsksFor(Replies replies, string slot)
        => replies.Cards.Any(card => card["body"]?.AsArray().Any(element => (string?)element?["id"] == $"prompt-{slot}") == true);

    internal static void AssertRecommendation(Replies replies, string role, decimal mlYears, string cloud)
    {
        var shares = replies.ButtonsWithAction("share-recommendation");
        Assert.True(shares.Count == 1, $"Expected one recommendation card; got: {replies}");
        var profile = shares[0]["profile"]!.AsObject();
        Assert.Equal(role, (string?)profile["role"]);
        Assert.Equal(mlYears, profile["mlYears"]!.GetValue<decimal>());
        Assert.Equal(cloud, (string?)profile["cloud"]);
    }
}

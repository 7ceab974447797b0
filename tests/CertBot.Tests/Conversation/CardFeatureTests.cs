using System.Net;
using System.Text.Json.Nodes;
using CertBot.Conversation;
using CertBot.Conversation.Features;
using CertBot.Tests.Localization;
using CertBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CertBot.Tests.Conversation;

/// <summary>
/// The feature contract end to end: a feature defined here (<see cref="TipFeature"/>), registered through the test host
/// hook, is reached through the real endpoint by its typed phrase, by its Submit button and by an Action.Execute invoke,
/// speaks only its catalogue section, and comes through the pseudo-locale like every built-in reply.
/// </summary>
public sealed class CardFeatureTests(CardFeatureServerFixture fixture) : IClassFixture<CardFeatureServerFixture>
{
    private readonly CertBotServer _server = fixture.Server;

    private FeatureWording Tip => _server.Services.GetRequiredService<BotMessages>().Feature(TipFeature.Name);

    [Theory]
    [InlineData("give me a tip")]
    [InlineData("Tip of the day, please!")]
    [InlineData("give me a tip about the aws exam")]
    public async Task TypedPhrase_RegisteredFeature_SendsItsCardWithCatalogueWording(string text)
    {
        var replies = await new TestChat(_server).SayAsync(text);

        var card = Assert.Single(replies.Cards).ToJsonString();
        Assert.Contains(Json(Tip.Text("title")), card, StringComparison.Ordinal);
        Assert.Contains(Json(Tip.Text("first")), card, StringComparison.Ordinal);
        Assert.Equal("2", (string?)replies.Button(Tip.Text("another"))["value"]);
        Assert.Equal(TipFeature.Name, (string?)replies.Button(Tip.Text("another"))["action"]);
    }

    [Fact]
    public async Task SubmitButton_RegisteredFeature_RunsItWithTheButtonData()
    {
        var chat = new TestChat(_server);
        await chat.SayAsync("give me a tip");

        var replies = await chat.ClickAsync(Tip.Text("another"));

        var card = Assert.Single(replies.Cards).ToJsonString();
        Assert.Contains(Json(Tip.Text("again").Replace("{number}", "2", StringComparison.Ordinal)), card, StringComparison.Ordinal);
        Assert.DoesNotContain(Json(Tip.Text("first")), card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteInvoke_RegisteredFeature_AnswersWithItsRefreshedCard()
    {
        var chat = new TestChat(_server);
        await chat.SayAsync("give me a tip");
        var data = chat.Last.Button(Tip.Text("refresh")).DeepClone().AsObject();
        data["value"] = "3";
        var activity = chat.Activity("invoke", a =>
        {
            a["name"] = "adaptiveCard/action";
            a["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = TipFeature.Name, ["data"] = data }, ["trigger"] = "manual" };
        });

        using var response = await _server.PostAsync(activity);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)body["type"]);
        Assert.Contains(Json(Tip.Text("again").Replace("{number}", "3", StringComparison.Ordinal)), body["value"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tips")]
    [InlineData("TIP")]
    public async Task SubmitButton_NameNoFeatureHas_GetsTheUnknownActionMessage(string action)
    {
        var replies = await new TestChat(_server).SubmitAsync(new JsonObject { ["action"] = action });

        Assert.Equal(_server.Services.GetRequiredService<BotMessages>().Errors.UnknownAction, replies.AllText);
    }

    [Fact]
    public async Task PhraseAndButton_PseudoLocale_ShowOnlyTheFeaturesCatalogueWording()
    {
        var chat = new TestChat(_server, locale: PseudoLocale.Tag);
        var typed = await chat.SayAsync("give me a tip");
        var tapped = await chat.ClickAsync(PseudoLocale.Transform(Tip.Text("another")));

        Assert.Contains(PseudoLocale.Transform(Tip.Text("title")), typed.AllText, StringComparison.Ordinal);
        Assert.Contains(PseudoLocale.Transform(Tip.Text("again")).Replace("{number}", "2", StringComparison.Ordinal), tapped.AllText, StringComparison.Ordinal);
        var audit = new CatalogueAudit(fixture.KnowledgePath, ["give me a tip"]);
        var leaks = typed.Activities.Concat(tapped.Activities).SelectMany(VisibleText.Of).SelectMany(audit.Leaks).ToList();
        Assert.True(leaks.Count == 0, "Text that did not come through a catalogue: " + string.Join(" | ", leaks));
    }

    [Fact]
    public void Catalogues_FeatureWithoutPhrases_FailsNamingItsIntentsKey()
    {
        var real = Path.Combine(AppContext.BaseDirectory, "dialogs");

        var error = Assert.Throws<InvalidDataException>(() => new Catalogues(real, [.. CardFeatureEntry.InHost, CardFeatureEntry.Of(typeof(TipFeature))]));

        Assert.Contains("intents.tip", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Catalogues_FeatureRankedLikeAnother_FailsNamingBoth()
    {
        var clash = CardFeatureEntry.Of(typeof(TipFeature)) with { Rank = CardFeatureEntry.Of(typeof(CompareFeature)).Rank };

        var error = Assert.Throws<InvalidDataException>(() => new Catalogues(fixture.DialogsPath, [.. CardFeatureEntry.InHost, clash]));

        Assert.Contains("compare", error.Message, StringComparison.Ordinal);
        Assert.Contains("tip", error.Message, StringComparison.Ordinal);
    }

    // Card JSON escapes some characters (an apostrophe, quotes), so wording is looked for as it is serialized.
    private static string Json(string text) => JsonValue.Create(text).ToJsonString().Trim('"');
}

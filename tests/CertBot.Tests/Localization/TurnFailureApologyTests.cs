using CertBot.Tests.Support;

namespace CertBot.Tests.Localization;

/// <summary>
/// A turn that fails gets the protocol layer's apology in the person's language: the host words it from the
/// catalogue of the activity's locale (messages.fr.yaml for fr-FR), whether it goes back in the HTTP answer or
/// through the Connector.
/// </summary>
public sealed class TurnFailureApologyTests(FailingTurnServerFixture fixture) : IClassFixture<FailingTurnServerFixture>
{
    private const string EnglishApology = "Sorry, something went wrong on my side. Please try again.";

    private readonly CertBotServer _server = fixture.Server;

    [Theory]
    [InlineData("fr-FR", PartialFrenchServerFixture.FrenchApology)]
    [InlineData("fr-CA", PartialFrenchServerFixture.FrenchApology)]
    [InlineData("en-US", EnglishApology)]
    [InlineData("de-DE", EnglishApology)]
    public async Task FailedTurn_Locale_ApologizesFromThatLocalesCatalogue(string locale, string apology)
    {
        var replies = await new TestChat(_server, locale: locale).SayAsync("Do I need a cert to get hired?");

        Assert.Equal([apology], replies.Messages.Select(m => (string?)m["text"]));
    }

    [Fact]
    public async Task FailedTurn_NormalDelivery_PostsTheFrenchApologyToTheConnector()
    {
        await using var connector = await RecordingConnector.StartAsync();
        var chat = new TestChat(_server, serviceUrl: connector.ServiceUrl, locale: "fr-FR");

        var status = await chat.DeliverAsync(chat.Activity("message", a => a["text"] = "Do I need a cert to get hired?"));

        Assert.Equal(500, status);
        var posted = connector.Where("POST", $"/v3/conversations/{chat.ConversationId}/activities").Where(call => (string?)call.Body?["type"] == "message");
        Assert.Equal([PartialFrenchServerFixture.FrenchApology], posted.Select(call => (string?)call.Body!["text"]));
    }
}

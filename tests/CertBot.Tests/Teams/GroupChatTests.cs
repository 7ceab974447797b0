using CertBot.Tests.Conversation;
using CertBot.Tests.Support;

namespace CertBot.Tests.Teams;

/// <summary>Group chats and channels: @mention gating, mention removal, whose recommendation it is, sharing.</summary>
public sealed class GroupChatTests(CertBotServerFixture fixture) : IClassFixture<CertBotServerFixture>
{
    private readonly CertBotServer _server = fixture.Server;

    [Theory]
    [InlineData("groupChat")]
    [InlineData("channel")]
    public async Task Message_WithoutMention_IsIgnored(string conversationType)
    {
        var replies = await new TestChat(_server, conversationType).SayAsync("help");
        Assert.Empty(replies.Messages);
    }

    [Fact]
    public async Task Message_WithMention_MentionRemovedAndAnswered()
    {
        var replies = await new TestChat(_server, "groupChat").SayAsync("Do I need a cert to get hired?", mention: true);
        Assert.Equal("cert-required-to-get-hired", (string?)replies.ButtonsWithAction("faq-feedback")[0]["faqId"]);
    }

    [Fact]
    public async Task Recommendation_InChannel_SaysWhoseItIs()
    {
        var replies = await new TestChat(_server, "channel", userName: "Grace Hopper").SayAsync("data scientist, 4 years of ML, 1 year on gcp", mention: true);
        ProfileTranscriptTests.AssertRecommendation(replies, "data-scientist", 4, "gcp");
        Assert.Contains("Grace Hopper", replies.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InterviewQuestion_InGroupWithoutPersonalChat_IsAddressedToTheAsker()
    {
        // expectReplies cannot open a personal chat, so the interview stays here, addressed by name.
        var replies = await new TestChat(_server, "groupChat", userName: "Linus").SayAsync("which cert should I get?", mention: true);
        Assert.True(ProfileTranscriptTests.AsksFor(replies, "role"), replies.ToString());
        Assert.Contains("Linus", replies.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SharedCard_GetMyOwnClickedByColleague_StartsColleaguesOwnInterview()
    {
        var sharer = new TestChat(_server, "groupChat", userId: "29:sharer", userName: "Ada");
        var recommendation = await sharer.SayAsync("ml practitioner, 5 years, azure", mention: true);
        var shared = await sharer.SubmitAsync(recommendation.ButtonsWithAction("share-recommendation")[0]);
        Assert.Contains("Ada", shared.AllText, StringComparison.Ordinal);
        var getMine = shared.ButtonsWithAction("get-my-own-recommendation");
        Assert.Single(getMine);

        var colleague = sharer.As("29:colleague", "Bob");
        var interview = await colleague.SubmitAsync(getMine[0]);
        Assert.True(ProfileTranscriptTests.AsksFor(interview, "role"), interview.ToString());
        Assert.Contains("Bob", interview.AllText, StringComparison.Ordinal);

        // The sharer's finished profile is untouched by the colleague's interview.
        var sharerAgain = await sharer.SayAsync("change my cloud to gcp", mention: true);
        Assert.False(ProfileTranscriptTests.AsksFor(sharerAgain, "role"), sharerAgain.ToString());
    }

    [Fact]
    public async Task Share_InPersonalChat_ExplainsHowAndGivesForwardableCard()
    {
        var chat = new TestChat(_server);
        var recommendation = await chat.SayAsync("data scientist, 3 years of ML, azure");
        var shared = await chat.SubmitAsync(recommendation.ButtonsWithAction("share-recommendation")[0]);
        Assert.Single(shared.ButtonsWithAction("get-my-own-recommendation"));
        Assert.True(shared.Messages.Count >= 2);
    }
}

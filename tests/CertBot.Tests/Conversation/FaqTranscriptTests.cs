using System.Text.Json.Nodes;
using CertBot.Curation;
using CertBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CertBot.Tests.Conversation;

/// <summary>Quick FAQ questions typed in chat: answers, honest abstentions, feedback and the curator log.</summary>
public sealed class FaqTranscriptTests(CertBotServerFixture fixture) : IClassFixture<CertBotServerFixture>
{
    private readonly CertBotServer _server = fixture.Server;

    [Theory]
    [InlineData("do i need a certifcation to get hired", "cert-required-to-get-hired")]
    [InlineData("Do I need a cert to get hired?", "cert-required-to-get-hired")]
    [InlineData("how long to prepare for the google ml engineer exam", "google-prep-time")]
    [InlineData("is the aws machine learning specialty still available?", "retired-exams")]
    public async Task Question_KnownWithTyposOrParaphrase_AnswersWithFeedbackButtons(string utterance, string faqId) =>
        await AssertAnsweredAsync(utterance, faqId);

    // A credential's name pulls towards its overview entry; what is asked about it is the topic.
    [Theory]
    [InlineData("how much is MLA-C01?", "exam-cost")]
    [InlineData("what does the Azure AI Engineer exam cost?", "exam-cost")]
    [InlineData("what's the passing score for the AWS ML Engineer Associate?", "aws-exam-format")]
    [InlineData("what's the format of Google's professional machine learning engineer test?", "google-exam-format")]
    [InlineData("what replaced MLS-C01?", "retired-exams")]
    [InlineData("could someone clear MLA-C01 just by studying, with no practical work?", "pass-without-experience")]
    public async Task Question_NamesACredentialAndAsksATopic_AnswersThatTopicForTheCredential(string utterance, string faqId) =>
        await AssertAnsweredAsync(utterance, faqId);

    // ... while a question that only asks what the credential is, or which one, still gets its overview.
    [Theory]
    [InlineData("tell me about the aws ml engineer associate", "aws-ml-overview")]
    [InlineData("which aws cert is for ml engineers", "aws-ml-overview")]
    [InlineData("is the AWS AI Practitioner good for beginners?", "aws-ai-practitioner")]
    public async Task Question_OnlyWhatANamedCredentialIs_AnswersItsOverview(string utterance, string faqId) =>
        await AssertAnsweredAsync(utterance, faqId);

    private async Task AssertAnsweredAsync(string utterance, string faqId)
    {
        var replies = await new TestChat(_server).SayAsync(utterance);
        var feedback = replies.ButtonsWithAction("faq-feedback");
        Assert.True(feedback.Count == 2, $"'{utterance}' got: {replies}");
        Assert.All(feedback, data => Assert.Equal(faqId, (string?)data["faqId"]));
        Assert.Contains(feedback, data => data["helpful"]!.GetValue<bool>());
        Assert.Contains(feedback, data => !data["helpful"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("what's the weather in paris tomorrow")]
    [InlineData("how do I set up a kubernetes ingress")]
    [InlineData("tell me a joke")]
    public async Task Question_OutOfScope_SaysWhatItCanHelpWithInsteadOfGuessing(string utterance)
    {
        var replies = await new TestChat(_server).SayAsync(utterance);
        Assert.Empty(replies.ButtonsWithAction("faq-feedback"));
        Assert.NotEmpty(replies.ButtonsWithAction("start-recommendation"));

        var events = await _server.Services.GetRequiredService<CuratorLog>().ReadAsync(CancellationToken.None);
        Assert.Contains(events.Events, e => e.Kind == CuratorEventKinds.Unanswered && e.Text == CertBot.Conversation.PlainText.Normalize(utterance));
    }

    [Theory]
    [InlineData("exam")]
    [InlineData("time")]
    public async Task Question_TooVague_OffersDidYouMeanWithoutFeedback(string utterance)
    {
        var replies = await new TestChat(_server).SayAsync(utterance);
        var suggestions = replies.ButtonsWithAction("faq-ask");
        Assert.InRange(suggestions.Count, 1, 3);
        Assert.All(suggestions, data => Assert.False(string.IsNullOrEmpty((string?)data["faqId"])));
        Assert.Empty(replies.ButtonsWithAction("faq-feedback"));

        var events = await _server.Services.GetRequiredService<CuratorLog>().ReadAsync(CancellationToken.None);
        Assert.Contains(events.Events, e => e.Kind == CuratorEventKinds.LowConfidence && e.Text == utterance && e.NearestFaqId is not null);
    }

    [Fact]
    public async Task RelatedQuestionButton_Click_AnswersThatQuestion()
    {
        var chat = new TestChat(_server);
        var answer = await chat.SayAsync("Do I need a cert to get hired?");
        var related = answer.ButtonsWithAction("faq-ask");
        Assert.NotEmpty(related);

        var next = await chat.SubmitAsync(related[0]);
        Assert.Equal((string?)related[0]["faqId"], (string?)next.ButtonsWithAction("faq-feedback")[0]["faqId"]);
    }

    [Fact]
    public async Task FeedbackNotHelpful_Click_IsRecordedWithoutIdentityAndAcknowledged()
    {
        var chat = new TestChat(_server);
        await chat.SayAsync("Do I need a cert to get hired?");
        var ack = await chat.SubmitAsync(new JsonObject { ["action"] = "faq-feedback", ["faqId"] = "cert-required-to-get-hired", ["helpful"] = false });

        Assert.Single(ack.Messages);
        Assert.Empty(ack.Cards);
        var events = await _server.Services.GetRequiredService<CuratorLog>().ReadAsync(CancellationToken.None);
        var entry = Assert.Single(events.Events, e => e.Kind == CuratorEventKinds.NotHelpful);
        Assert.Equal("cert-required-to-get-hired", entry.NearestFaqId);
        Assert.DoesNotContain("ada", System.Text.Json.JsonSerializer.Serialize(events.Events), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task FeedbackNotHelpful_OnTypedQuestion_RecordsTheWordsPeopleUsedNotTheFaqQuestion()
    {
        var chat = new TestChat(_server);
        const string asked = "Do I really need a certificate to get hired as an ML engineer?";
        var answer = await chat.SayAsync(asked);
        var notHelpful = Assert.Single(answer.ButtonsWithAction("faq-feedback"), b => (bool?)b["helpful"] == false);

        await chat.SubmitAsync(notHelpful);

        var events = await _server.Services.GetRequiredService<CuratorLog>().ReadAsync(CancellationToken.None);
        var entry = Assert.Single(events.Events, e => e.Kind == CuratorEventKinds.NotHelpful && e.Text == CertBot.Conversation.PlainText.Normalize(asked));
        Assert.Equal((string?)notHelpful["faqId"], entry.NearestFaqId);
        var report = CertBot.Tools.ReportCommand.Format(CertBot.Cli.CuratorSignals.From(events), 20);
        Assert.Contains($"{entry.Text}  (answered with FAQ: {entry.NearestFaqId})", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_Typed_ShowsEveryCredentialWithRetiredOnesMarked()
    {
        var replies = await new TestChat(_server).SayAsync("compare certifications");
        Assert.Contains("MLS-C01", replies.AllText, StringComparison.Ordinal);
        Assert.Contains("AI-102", replies.AllText, StringComparison.Ordinal);
        Assert.Contains("2026-03-31", replies.AllText, StringComparison.Ordinal);
        Assert.Contains("2026-06-30", replies.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownButton_Click_GetsClearMessageNotError()
    {
        var replies = await new TestChat(_server).SubmitAsync(new JsonObject { ["action"] = "self-destruct" });
        Assert.Single(replies.Messages);
        Assert.DoesNotContain("Exception", replies.AllText, StringComparison.Ordinal);
    }

    public static TheoryData<string?, string, string, string?> ProfileAwareAnswers => new()
    {
        // No profile yet: the general answers.
        { null, "how long should I prepare for the exam?", "prep-time", null },
        { null, "which vendor should I start with?", "which-vendor-first", null },
        // A known target cloud: the vendor's version of a general answer, or the general answer with the person's line.
        { "DS, 4 yrs, we're an AWS shop", "how long should I prepare for the exam?", "aws-prep-time", "For you: the AWS version" },
        { "DS, 4 yrs, we're an AWS shop", "which vendor should I start with?", "which-vendor-first", "so start with **AWS Certified Machine Learning Engineer - Associate**" },
        { "backend dev, no ML, our employer runs on Google Cloud", "which vendor should I start with?", "which-vendor-first", "so start with **Google Cloud Professional Machine Learning Engineer**" },
        // A question that names a vendor keeps it, whatever the profile says.
        { "DS, 4 yrs, we're an AWS shop", "how long should I prepare for AI-103?", "azure-prep-time", null },
        // An undecided cloud fits nothing: the general answer.
        { "ML engineer, 5 years, not sure which cloud", "which vendor should I start with?", "which-vendor-first", null },
        // The profile's role picks the path entry when the question states none.
        { "data scientist, 2 years of ML, azure", "how do I move into machine learning engineering?", "data-scientist-path", "For you (Data scientist moving into engineering): the path for your background" },
    };

    [Theory]
    [MemberData(nameof(ProfileAwareAnswers))]
    public async Task Question_ProfileKnownOrNot_FitsTheAnswerAndSaysSo(string? profile, string question, string faqId, string? forYou)
    {
        var chat = new TestChat(_server);
        if (profile is not null)
        {
            await chat.SayAsync(profile);
        }

        var replies = await chat.SayAsync(question);

        var feedback = replies.ButtonsWithAction("faq-feedback");
        Assert.True(feedback.Count == 2, $"'{question}' after '{profile}' got: {replies}");
        Assert.Equal(faqId, (string?)feedback[0]["faqId"]);
        var card = replies.Cards[0].ToJsonString();
        if (forYou is null)
        {
            Assert.DoesNotContain("For you:", card, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains(forYou, card, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task VagueQuestion_ProfileRoleKnown_SuggestsTheirOwnPathNotAnotherPersonas()
    {
        var chat = new TestChat(_server);
        await chat.SayAsync("data scientist, 2 years of ML, azure");

        var replies = await chat.SayAsync("what learning path do you suggest?");

        var suggested = replies.ButtonsWithAction("faq-ask").Select(b => (string?)b["faqId"]).ToList();
        Assert.Contains("data-scientist-path", suggested);
        Assert.DoesNotContain("software-engineer-path", suggested);
        Assert.DoesNotContain("ml-practitioner-path", suggested);
    }

    [Theory]
    [InlineData("I'm an ML researcher turned engineer, no formal cert. How should I go about getting certified quickly given my background?", "ml-practitioner-path")]
    public async Task LongQuestion_StatesWhoTheyAre_AnswersTheirPath(string utterance, string faqId)
    {
        var replies = await new TestChat(_server).SayAsync(utterance);

        var feedback = replies.ButtonsWithAction("faq-feedback");
        Assert.True(feedback.Count == 2, $"'{utterance}' got: {replies}");
        Assert.Equal(faqId, (string?)feedback[0]["faqId"]);
    }
}

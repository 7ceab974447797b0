using CertBot.Tests.Support;

namespace CertBot.Tests.Conversation;

/// <summary>
/// What CertBot understands, as typed tables of utterance → expected reply run through the real HTTP endpoint:
/// whole profiles in one message, questions that must not edit the profile, getting the result back, small talk,
/// near misses and long questions.
/// </summary>
public sealed class UnderstandingTranscriptTests(CertBotServerFixture fixture) : IClassFixture<CertBotServerFixture>
{
    private readonly CertBotServer _server = fixture.Server;

    public static TheoryData<string, ChatStep[]> Conversations => new()
    {
        { "abbreviations all at once", [new("DS, 4 yrs, we're an AWS shop", Expect.Recommends("data-scientist", 4, "aws"))] },
        { "non-ML years are not ML years", [new("10 years as a backend engineer, zero ML, targeting Azure", Expect.Recommends("software-engineer", 0, "azure"))] },
        { "ML for some of those years", [new("software engineer for 8 years, ML for about 1 of those, we run on GCP", Expect.Recommends("software-engineer", 1, "gcp"))] },
        { "a decade", [new("ML engineer with a decade of experience, our stack is Azure", Expect.Recommends("ml-practitioner", 10, "azure"))] },
        { "a year and a half", [new("data scientist, a year and a half of ML, AWS", Expect.Recommends("data-scientist", 1.5m, "aws"))] },
        { "past cloud versus target", [new("data scientist with 3 years of ML; used AWS at my old job but I'm targeting Azure", Expect.Recommends("data-scientist", 3, "azure"))] },
        { "title outside the list, undecided cloud", [new("I'm an iOS developer, no ML experience, cloud TBD", Expect.Recommends("software-engineer", 0, "undecided"))] },
        { "deciding between clouds", [new("research scientist, 5 years of ML, deciding between AWS and GCP", Expect.Recommends("ml-practitioner", 5, "undecided"))] },
        { "a job title outside the vocabulary, by the semantic fallback", [new("I write shaders for a game studio, zero ML, our studio is on AWS", Expect.Recommends("software-engineer", 0, "aws"))] },
        { "never asks years on the cloud", [new("MLE, 6 years, Google Cloud", Expect.Recommends("ml-practitioner", 6, "gcp"))] },
        {
            "an exam question after a recommendation leaves the profile alone",
            [
                new("DS, 4 yrs, we're an AWS shop", Expect.Recommends("data-scientist", 4, "aws")),
                new("how long is the AWS exam itself?", Expect.Answers("aws-exam-format")),
                new("what did you recommend for me?", Expect.Recommends("data-scientist", 4, "aws")),
            ]
        },
        {
            "a credential question is not a role",
            [
                new("swe, 2 years of ML, azure", Expect.Recommends("software-engineer", 2, "azure")),
                new("should I get the AWS AI Practitioner first?", Expect.Answers("aws-ai-practitioner")),
                new("Tell me about the Azure DP-100 exam", Expect.Answers("azure-dp-100")),
                new("show my result again", Expect.Recommends("software-engineer", 2, "azure")),
            ]
        },
        {
            "clear statements about oneself revise the profile",
            [
                new("data scientist, 4 years of ML, azure", Expect.Recommends("data-scientist", 4, "azure")),
                new("actually I have 5 years", Expect.Recommends("data-scientist", 5, "azure")),
                new("we moved to GCP", Expect.Recommends("data-scientist", 5, "gcp")),
            ]
        },
        {
            "answers with extra words while a question is pending",
            [
                new("which cert should I get?", Expect.Asks("role")),
                new("backend dev", Expect.Asks("mlYears")),
                new("about 3 years, mostly with scikit-learn", Expect.Asks("cloud")),
                new("aws", Expect.Recommends("software-engineer", 3, "aws")),
            ]
        },
        {
            "small talk and help never get I don't know",
            [
                new("what can you do", Expect.Help()),
                new("thanks!", Expect.SmallTalk()),
                new("ok", Expect.SmallTalk()),
                new("👍", Expect.SmallTalk()),
                new("bye", Expect.SmallTalk()),
            ]
        },
        {
            "tool names in an answer with extra words count as the cloud",
            [
                new("which cert should I get?", Expect.Asks("role")),
                new("data scientist", Expect.Asks("mlYears")),
                new("about 3 years, mostly Lambda and DynamoDB", Expect.Recommends("data-scientist", 3, "aws")),
            ]
        },
        {
            "small talk during the interview asks the question again",
            [
                new("which cert should I get?", Expect.Asks("role")),
                new("thanks", Expect.Asks("role")),
            ]
        },
        {
            "a whole new profile after a recommendation replaces it",
            [
                new("ML practitioner, 4 years, Google Cloud", Expect.Recommends("ml-practitioner", 4, "gcp")),
                new("DS, 4 yrs, we're an AWS shop", Expect.Recommends("data-scientist", 4, "aws")),
            ]
        },
        {
            "a question with context about oneself is answered, not taken as an edit",
            [
                new("DS, 4 yrs, we're an AWS shop", Expect.Recommends("data-scientist", 4, "aws")),
                new("My company is moving to Azure and my boss wants us certified by summer. I have never done ML but I write C# services. " +
                    "How long would it take me to prepare for the Azure AI exam?", Expect.Answers("azure-prep-time")),
                new("what did you recommend?", Expect.Recommends("data-scientist", 4, "aws")),
            ]
        },
        { "no result yet", [new("what did you recommend?", Expect.NextStep())] },
        {
            "share my recommendation",
            [
                new("ML practitioner, 3 years, AWS", Expect.Recommends("ml-practitioner", 3, "aws")),
                new("share my recommendation", Expect.Recommends("ml-practitioner", 3, "aws")),
            ]
        },
        { "a detail the knowledge lacks", [new("what's the passing score for the google ml engineer exam?", Expect.NotHeld("passing-score"))] },
        { "a detail the knowledge lacks, with a typo", [new("pasing score for gcp pmle?", Expect.NotHeld("passing-score"))] },
        { "a detail no entry was written for", [new("Do employers usually reimburse certification exam fees?", Expect.NotHeld("reimbursement"))] },
        { "how long a named credential stays valid", [new("how long is the AWS ML engineer cert valid?", Expect.NotHeld("renewal"))] },
        { "a plural of a detail's words", [new("Any promo codes for the AWS ML engineer exam?", Expect.NotHeld("discounts"))] },
        { "who pays, in other words", [new("Will my company foot the bill for the Google ML test?", Expect.NotHeld("reimbursement"))] },
        { "a topic held nowhere", [new("What questions will they ask me in a technical ML interview?", Expect.NotHeld("interviews"))] },
        { "an exam the knowledge does not know", [new("how long is the AZ-400 exam?", Expect.NotHeld("other-certifications"))] },
        { "online or at a test centre", [new("can I take the PMLE online from home?", Expect.Answers("google-exam-format"))] },
        { "what online proctoring requires", [new("what webcam do I need for the online proctored AWS exam?", Expect.NotHeld("test-centres"))] },
        { "whether a named exam is still available", [new("can I still take MLS-C01?", Expect.Answers("retired-exams"))] },
        { "a path for the persona the question names", [new("data scientist moving to ML engineering — what path?", Expect.Answers("data-scientist-path"))] },
        { "a path for where the asker comes from, not the ML engineer they will become", [new("been writing java for 6 years, never touched ml, how do i become an ml engineer?", Expect.Answers("software-engineer-path"))] },
        { "a certificate after the pass", [new("will Google post me a printed certificate after I pass?", Expect.NotHeld("credential-records"))] },
        { "continuing-education credits", [new("does the AWS ML exam count for CPE credits?", Expect.NotHeld("continuing-education"))] },
        {
            "a long rambling question",
            [new("So I've been a backend dev for a while and my company is finally doing some AI stuff. My manager keeps mentioning " +
                "certifications and I honestly don't know where to start. Do I actually need a certification to get hired as an ML engineer?",
                Expect.Answers("cert-required-to-get-hired"))]
        },
    };

    [Theory]
    [MemberData(nameof(Conversations))]
    public async Task Conversation_EachStep_GetsTheExpectedReply(string name, ChatStep[] steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var chat = new TestChat(_server);
        foreach (var step in steps)
        {
            var replies = await chat.SayAsync(step.Say);
            step.Expect.Check(replies, $"{name}: after \"{step.Say}\"");
        }
    }

    [Fact]
    public async Task Tapping_EveryQuestionHasButtons_EndsWithARecommendation()
    {
        var chat = new TestChat(_server);
        await chat.InstallAsync();

        var role = await chat.ClickAsync("Get a recommendation");
        Assert.Equal(3, ProfileTranscriptTests.PromptChoices(role, "role").Count);
        var years = await chat.ClickAsync("Data scientist moving into engineering");
        Assert.True(ProfileTranscriptTests.PromptChoices(years, "mlYears").Count >= 5, years.ToString());
        var cloud = await chat.SubmitAsync(years.Buttons.First(b => (string?)b.Data["slot"] == "mlYears" && (string?)b.Data["value"] == "4").Data);
        Assert.Equal(4, ProfileTranscriptTests.PromptChoices(cloud, "cloud").Count);
        var recommendation = await chat.ClickAsync("AWS");

        ProfileTranscriptTests.AssertRecommendation(recommendation, "data-scientist", 4, "aws");
    }
}

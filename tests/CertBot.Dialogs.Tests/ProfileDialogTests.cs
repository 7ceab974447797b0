using System.Text.Json;

namespace CertBot.Dialogs.Tests;

[Collection(ProfileDialogGroup.Name)]
public sealed class ProfileDialogTests(ProfileFixture fixture)
{
    private ProfileDialog Dialog => fixture.Dialog;

    // Each step is "input => Kind" or "input => Kind>promptSlot". Inputs: "!begin <text>", "!reject", "!resume",
    // "[slot=value]" for a button click, anything else is typed text. The state goes through JSON between steps,
    // as it would between turns when the host persists it. Final: "Status|slot=value;...".
    [Theory]
    // All at once: three facts complete the dialog, nothing else is asked
    [InlineData("!begin DS, 4 yrs, we're an AWS shop => Completed",
        "Complete|cloud=aws;mlYears=4;role=data-scientist")]
    [InlineData("!begin which cert should I get? backend dev, 2 years of ML, we use Azure => Completed",
        "Complete|cloud=azure;mlYears=2;role=software-engineer")]
    [InlineData("!begin recommend | MLE, 3 years of ML and 1 on GCP => Completed",
        "Complete|cloud=gcp;cloudYears=1;mlYears=3;role=ml-practitioner")]
    [InlineData("!begin which cert should I get? I'm a DS with 4 yrs, we use AWS => Completed",
        "Complete|cloud=aws;mlYears=4;role=data-scientist")]
    [InlineData("!begin 10 years as a backend engineer, zero ML, Azure => Completed",
        "Complete|cloud=azure;mlYears=0;role=software-engineer")]
    [InlineData("!begin dev for 7 years, we're on GCP => Asked>mlYears | about 3 years, mostly Lambda and DynamoDB => Completed",
        "Complete|cloud=gcp;mlYears=3;role=software-engineer")]
    // One by one
    [InlineData("!begin which cert should I get => Asked>role | data scientist => Asked>mlYears | 3 years => Asked>cloud | gcp => Completed",
        "Complete|cloud=gcp;mlYears=3;role=data-scientist")]
    [InlineData("!begin => Asked>role | swe => Asked>mlYears | none => Asked>cloud | not sure => Completed",
        "Complete|cloud=undecided;mlYears=0;role=software-engineer")]
    [InlineData("!begin => Asked>role | sofware engineer => Asked>mlYears | 18 months => Asked>cloud | any => Completed",
        "Complete|cloud=undecided;mlYears=1.5;role=software-engineer")]
    [InlineData("!begin => Asked>role | swe => Asked>mlYears | none really, only a couple of tutorials => Asked>cloud",
        "Active|mlYears=0;role=software-engineer")]
    [InlineData("!begin => Asked>role | swe => Asked>mlYears | maybe 2? => Asked>cloud", "Active|mlYears=2;role=software-engineer")]
    [InlineData("!begin => Asked>role | swe => Asked>mlYears | a year and a half => Asked>cloud", "Active|mlYears=1.5;role=software-engineer")]
    // Answering more than asked, out of order
    [InlineData("!begin => Asked>role | we're an AWS shop => Asked>role | MLE => Asked>mlYears | 4 => Completed",
        "Complete|cloud=aws;mlYears=4;role=ml-practitioner")]
    // Buttons only: the whole dialog by tapping, including the years question
    [InlineData("!begin => Asked>role | [role=ml-practitioner] => Asked>mlYears | [mlYears=1.5] => Asked>cloud | [cloud=azure] => Completed",
        "Complete|cloud=azure;mlYears=1.5;role=ml-practitioner")]
    [InlineData("!begin => Asked>role | [role=software-engineer] => Asked>mlYears | [mlYears=0] => Asked>cloud | [cloud=undecided] => Completed",
        "Complete|cloud=undecided;mlYears=0;role=software-engineer")]
    [InlineData("!begin => Asked>role | [role=astronaut] => NotUnderstood | [cloud=gcp] => Asked>role",
        "Active|cloud=gcp")]
    [InlineData("!begin => Asked>role | [mlYears=99] => NotUnderstood", "Active|")]
    // cloudYears is optional: a button or an edit after completion sets it, the dialog stays complete
    [InlineData("!begin DS, 4 yrs, AWS => Completed | [cloudYears=2] => Edited", "Complete|cloud=aws;cloudYears=2;mlYears=4;role=data-scientist")]
    [InlineData("!begin DS, 4 yrs, AWS => Completed | actually I have 2 years on AWS => Edited", "Complete|cloud=aws;cloudYears=2;mlYears=4;role=data-scientist")]
    [InlineData("!begin DS, 4 yrs, 2 years on AWS => Completed | change my cloud to GCP => Edited", "Complete|cloud=gcp;mlYears=4;role=data-scientist")]
    [InlineData("!begin DS, 4 yrs, 2 years on AWS => Completed | [cloud=aws] => Edited", "Complete|cloud=aws;cloudYears=2;mlYears=4;role=data-scientist")]
    [InlineData("!begin DS, 4 yrs, undecided => Completed | [cloudYears=2] => NotUnderstood", "Complete|cloud=undecided;mlYears=4;role=data-scientist")]
    // Invalid answers, reprompts, give-up after the retry limit (2)
    [InlineData("!begin => Asked>role | banana => NotUnderstood | !reject => Reprompted>role | !reject => Reprompted>role | !reject => GaveUp>mlYears",
        "Active|role=software-engineer")]
    [InlineData("!begin => Asked>role | swe => Asked>mlYears | 99 years => NotUnderstood | !reject => Reprompted>mlYears | 2 => Asked>cloud",
        "Active|mlYears=2;role=software-engineer")]
    [InlineData("!begin DS, 2 years => Asked>cloud | !reject => Reprompted>cloud | !reject => Reprompted>cloud | !reject => GaveUp",
        "Complete|cloud=undecided;mlYears=2;role=data-scientist")]
    // NotUnderstood passthrough (FAQ) then Resume: a question never fills a slot
    [InlineData("!begin => Asked>role | how much does the exam cost? => NotUnderstood | !resume => Resumed>role | swe => Asked>mlYears",
        "Active|role=software-engineer")]
    [InlineData("!begin swe => Asked>mlYears | do I need a cert to get hired? => NotUnderstood | !resume => Resumed>mlYears",
        "Active|role=software-engineer")]
    [InlineData("!begin => Asked>role | is AWS harder than GCP? => NotUnderstood | !resume => Resumed>role", "Active|")]
    [InlineData("!begin swe => Asked>mlYears | what does a dev need for the AWS exam => NotUnderstood", "Active|role=software-engineer")]
    [InlineData("!begin swe => Asked>mlYears | how long is the AWS exam itself? => NotUnderstood", "Active|role=software-engineer")]
    [InlineData("!begin => Asked>role | is the google ml engineer exam hard for a data scientist? => NotUnderstood", "Active|")]
    [InlineData("!begin swe => Asked>mlYears | how about 3 years? => Asked>cloud", "Active|mlYears=3;role=software-engineer")]
    // Side remarks fill empty slots but never overwrite earlier answers (that takes a change command)
    [InlineData("!begin swe, 2 years of ML => Asked>cloud | as a DS I'd say AWS => Completed", "Complete|cloud=aws;mlYears=2;role=software-engineer")]
    // Cancel, start over, forget me, help
    [InlineData("!begin => Asked>role | swe => Asked>mlYears | never mind => Cancelled", "Idle|")]
    [InlineData("!begin => Asked>role | swe => Asked>mlYears | Stop! => Cancelled", "Idle|")]
    [InlineData("!begin swe, 2 years of ML => Asked>cloud | start over => Restarted>role", "Active|")]
    [InlineData("!begin swe, 2 years of ML => Asked>cloud | please restart => Restarted>role", "Active|")]
    [InlineData("!begin swe, 2 years of ML => Asked>cloud | forget me => ForgetRequested", "Idle|")]
    [InlineData("!begin swe, 2 years of ML, azure => Completed | forget me => ForgetRequested", "Idle|")]
    [InlineData("!begin swe, 2 years of ML, azure => Completed | start over => Restarted>role", "Active|")]
    [InlineData("!begin swe => Asked>mlYears | help => Help>mlYears", "Active|role=software-engineer")]
    [InlineData("!begin swe => Asked>mlYears | Help? => Help>mlYears", "Active|role=software-engineer")]
    [InlineData("!begin swe => Asked>mlYears | strat over => Restarted>role", "Active|")]
    // Change / edit at each step and after completion
    [InlineData("!begin swe => Asked>mlYears | I meant data scientist => Edited>mlYears",
        "Active|role=data-scientist")]
    [InlineData("!begin swe, 2 years of ML => Asked>cloud | actually I have 3 years => Edited>cloud",
        "Active|mlYears=3;role=software-engineer")]
    [InlineData("!begin swe, 2 years of ML, azure => Completed | change my cloud to AWS => Edited",
        "Complete|cloud=aws;mlYears=2;role=software-engineer")]
    [InlineData("!begin swe, 2 years of ML, azure => Completed | actually I have 5 years => Edited",
        "Complete|cloud=azure;mlYears=5;role=software-engineer")]
    [InlineData("!begin swe, 2 years of ML, azure => Completed | I meant ML practitioner => Edited",
        "Complete|cloud=azure;mlYears=2;role=ml-practitioner")]
    [InlineData("!begin swe, 2 years of ML, aws, 1 year on aws => Completed | change my cloud to not sure => Edited",
        "Complete|cloud=undecided;mlYears=2;role=software-engineer")]
    [InlineData("!begin swe, 2 years of ML, azure => Completed | [cloud=gcp] => Edited",
        "Complete|cloud=gcp;mlYears=2;role=software-engineer")]
    [InlineData("!begin swe, 2 years of ML, azure => Completed | edit cloud years => Edited>cloudYears | 3 => Completed",
        "Complete|cloud=azure;cloudYears=3;mlYears=2;role=software-engineer")]
    [InlineData("!begin swe, 2 years of ML, undecided => Completed | edit cloud years => NotUnderstood",
        "Complete|cloud=undecided;mlYears=2;role=software-engineer")]
    // After completion: self-statements and proposals edit; questions and remarks never do
    [InlineData("!begin swe, 2 years of ML, azure => Completed | what does the exam cost => NotUnderstood",
        "Complete|cloud=azure;mlYears=2;role=software-engineer")]
    [InlineData("!begin swe, 2 years of ML, azure => Completed | should I get the AWS AI Practitioner first? => NotUnderstood",
        "Complete|cloud=azure;mlYears=2;role=software-engineer")]
    [InlineData("!begin swe, 2 years of ML, azure => Completed | Tell me about the Azure DP-100 exam => NotUnderstood",
        "Complete|cloud=azure;mlYears=2;role=software-engineer")]
    [InlineData("!begin swe, 2 years of ML, azure => Completed | how long is the AWS exam itself? => NotUnderstood",
        "Complete|cloud=azure;mlYears=2;role=software-engineer")]
    [InlineData("!begin swe, 2 years of ML, azure => Completed | is the google ml engineer exam hard for a data scientist? => NotUnderstood",
        "Complete|cloud=azure;mlYears=2;role=software-engineer")]
    [InlineData("!begin swe, 2 years of ML, azure => Completed | data scientist => NotUnderstood",
        "Complete|cloud=azure;mlYears=2;role=software-engineer")]
    [InlineData("!begin swe, 2 years of ML, azure => Completed | I'm a data scientist now => Edited",
        "Complete|cloud=azure;mlYears=2;role=data-scientist")]
    [InlineData("!begin swe, 2 years of ML, azure => Completed | we moved to GCP => Edited",
        "Complete|cloud=gcp;mlYears=2;role=software-engineer")]
    [InlineData("!begin swe, 2 years of ML, azure => Completed | I have 5 years now => Edited",
        "Complete|cloud=azure;mlYears=5;role=software-engineer")]
    [InlineData("!begin swe, 2 years of ML, azure => Completed | sorry, is AWS harder than GCP? => NotUnderstood",
        "Complete|cloud=azure;mlYears=2;role=software-engineer")]
    [InlineData("!begin swe, 2 years of ML, azure => Completed | actually, how long is the AWS exam? => NotUnderstood",
        "Complete|cloud=azure;mlYears=2;role=software-engineer")]
    [InlineData("!begin swe, 2 years of ML, azure => Completed | what about AWS? => Edited",
        "Complete|cloud=aws;mlYears=2;role=software-engineer")]
    [InlineData("!begin swe, 2 years of ML, azure => Completed | how about GCP => Edited",
        "Complete|cloud=gcp;mlYears=2;role=software-engineer")]
    // Clouds
    [InlineData("!begin DS, 2 years => Asked>cloud | Google Cloud => Completed", "Complete|cloud=gcp;mlYears=2;role=data-scientist")]
    [InlineData("!begin DS, 2 years => Asked>cloud | amazon => Completed", "Complete|cloud=aws;mlYears=2;role=data-scientist")]
    [InlineData("!begin DS, 2 years => Asked>cloud | Microsoft => Completed", "Complete|cloud=azure;mlYears=2;role=data-scientist")]
    [InlineData("!begin DS, 2 years => Asked>cloud | don't know => Completed", "Complete|cloud=undecided;mlYears=2;role=data-scientist")]
    [InlineData("!begin DS, 2 years => Asked>cloud | used AWS at my old job but I'm targeting Azure => Completed", "Complete|cloud=azure;mlYears=2;role=data-scientist")]
    [InlineData("!begin DS, 2 years => Asked>cloud | deciding between AWS and GCP => Completed", "Complete|cloud=undecided;mlYears=2;role=data-scientist")]
    public void Script_Utterances_ProduceExpectedTurns(string script, string expectedFinal)
    {
        var state = DialogState.Idle;
        foreach (var step in script.Split('|'))
        {
            var parts = step.Split("=>", StringSplitOptions.TrimEntries);
            var turn = Run(state, parts[0]);
            if (parts.Length > 1)
            {
                var expected = parts[1].Split('>');
                var because = $"step '{step.Trim()}': got {turn.Kind}>{turn.Prompt?.Slot}";
                Assert.True(Enum.Parse<DialogTurnKind>(expected[0]) == turn.Kind, because);
                Assert.True((expected.Length > 1 ? expected[1] : null) == turn.Prompt?.Slot, because);
            }

            state = RoundTrip(turn.State);
        }

        var values = string.Join(";", state.Values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key}={v.Value}"));
        Assert.Equal(expectedFinal, $"{state.Status}|{values}");
    }

    [Fact]
    public void Begin_AllAtOnce_AcknowledgesAndCompletes()
    {
        var turn = Dialog.Begin(DialogState.Idle, "DS, 4 yrs, we're an AWS shop");

        Assert.Equal("Got it: data scientist, 4 years of ML, AWS.", Assert.Single(turn.Messages));
        Assert.Equal(DialogTurnKind.Completed, turn.Kind);
        Assert.Null(turn.Prompt);
        Assert.Equal(3, turn.Values!.Count);
    }

    [Fact]
    public void Begin_Nothing_IntroPromisesAsManyQuestionsAsAreAsked()
    {
        var state = Dialog.Begin(DialogState.Idle, null).State;
        var asked = new List<string>();
        while (state.Status == DialogStatus.Active)
        {
            asked.Add(state.PendingSlot!);
            state = Dialog.Reject(Dialog.Reject(Dialog.Reject(state).State).State).State;
        }

        Assert.Equal(["role", "mlYears", "cloud"], asked);
        Assert.Equal(asked, fixture.Definition.Slots.Where(s => s.Required).Select(s => s.Name));
        Assert.Contains("Three quick questions", fixture.Definition.Messages.Intro, StringComparison.Ordinal);
    }

    [Fact]
    public void Begin_YearsPending_OffersQuickAnswersFromYaml()
    {
        var turn = Dialog.Begin(DialogState.Idle, "I'm a data scientist");

        Assert.Equal("mlYears", turn.Prompt!.Slot);
        var quick = fixture.Definition.FindSlot("mlYears")!.QuickAnswers;
        Assert.Equal(quick.Select(q => (q.Value, q.Title)), turn.Prompt.Choices.Select(c => (c.Value, c.Title)));
        Assert.Equal(["0", "0.5", "1.5", "4", "6"], turn.Prompt.Choices.Select(c => c.Value));
    }

    [Theory]
    // Inferred values fill only what the text left empty, and only with valid choices.
    [InlineData("I'm a prompt whisperer, 3 years, AWS", "role=ml-practitioner", "Completed", "cloud=aws;mlYears=3;role=ml-practitioner")]
    [InlineData("I'm a backend dev, 3 years of ML, AWS", "role=ml-practitioner", "Completed", "cloud=aws;mlYears=3;role=software-engineer")]
    [InlineData("I'm a prompt whisperer, 3 years, AWS", "role=astronaut", "Asked", "cloud=aws;mlYears=3")]
    [InlineData("I'm a prompt whisperer, 3 years", "cloud=gcp;mlYears=9", "Asked", "cloud=gcp;mlYears=3")]
    public void Begin_Inferred_FillsOnlyEmptySlotsWithValidChoices(string text, string inferred, string kind, string expected)
    {
        var hints = inferred.Split(';').Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);

        var turn = Dialog.Begin(DialogState.Idle, text, hints);

        Assert.Equal(Enum.Parse<DialogTurnKind>(kind), turn.Kind);
        Assert.Equal(expected, string.Join(";", turn.State.Values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key}={v.Value}")));
    }

    [Fact]
    public void Continue_InferredRoleWhileRoleIsAsked_FillsIt()
    {
        var asked = Dialog.Begin(DialogState.Idle, null);

        var turn = Dialog.Continue(asked.State, DialogInput.FromText("I wrangle prompts", new Dictionary<string, string> { ["role"] = "ml-practitioner" }));

        Assert.Equal("ml-practitioner", turn.State.ValueOf("role"));
        Assert.Equal("mlYears", turn.Prompt?.Slot);
    }

    [Fact]
    public void Continue_InferredRoleOnQuestionWhileAsking_IsIgnored()
    {
        var asked = Dialog.Begin(DialogState.Idle, null);

        var turn = Dialog.Continue(asked.State, DialogInput.FromText("is AWS harder than GCP?", new Dictionary<string, string> { ["role"] = "data-scientist" }));

        Assert.Equal(DialogTurnKind.NotUnderstood, turn.Kind);
        Assert.Null(turn.State.ValueOf("role"));
    }

    [Fact]
    public void Continue_InferredRoleOnQuestionAfterCompletion_IsIgnored()
    {
        var done = Dialog.Begin(DialogState.Idle, "swe, 2 years of ML, azure");

        var turn = Dialog.Continue(done.State, DialogInput.FromText("is the exam hard?", new Dictionary<string, string> { ["role"] = "data-scientist" }));

        Assert.Equal(DialogTurnKind.NotUnderstood, turn.Kind);
        Assert.Equal("software-engineer", turn.State.ValueOf("role"));
    }

    [Fact]
    public void Definition_RoleChoices_ExposePrototypes()
    {
        var roles = fixture.Definition.FindSlot("role")!.Choices;

        Assert.All(roles, r => Assert.InRange(r.Prototypes.Count, 5, 10));
        Assert.Empty(fixture.Definition.FindSlot("cloud")!.Choices.SelectMany(c => c.Prototypes));
    }

    [Fact]
    public void Begin_OneYear_AcknowledgesInSingular()
    {
        var turn = Dialog.Begin(DialogState.Idle, "swe with 1 year of ML");

        Assert.Equal("Got it: software engineer new to ML, 1 year of ML.", Assert.Single(turn.Messages));
    }

    [Fact]
    public void Begin_Nothing_IntroducesAndAsksRoleWithButtons()
    {
        var turn = Dialog.Begin(DialogState.Idle, "which cert should I get?");

        Assert.Equal(fixture.Definition.Messages.Intro, Assert.Single(turn.Messages));
        Assert.Equal(["software-engineer", "data-scientist", "ml-practitioner"], turn.Prompt!.Choices.Select(c => c.Value));
        Assert.Equal("Software engineer new to ML", turn.Prompt.Choices[0].Title);
    }

    [Fact]
    public void Continue_Completion_ReturnsValues()
    {
        var asked = Dialog.Begin(DialogState.Idle, "MLE with 5 years");

        var done = Dialog.Continue(asked.State, DialogInput.FromText("azure"));

        Assert.Equal(DialogTurnKind.Completed, done.Kind);
        Assert.Equal(DialogStatus.Complete, done.State.Status);
        Assert.Equal("azure", done.Values!["cloud"]);
        Assert.Equal("5", done.Values["mlYears"]);
        Assert.Null(done.Prompt);
    }

    [Fact]
    public void Continue_NotUnderstood_ReturnsSameStateAndCountsNoAttempt()
    {
        var asked = Dialog.Begin(DialogState.Idle, null);

        var turn = Dialog.Continue(asked.State, DialogInput.FromText("what's the weather"));

        Assert.Equal(DialogTurnKind.NotUnderstood, turn.Kind);
        Assert.Same(asked.State, turn.State);
        Assert.Equal(0, turn.State.Attempts);
        Assert.Empty(turn.Messages);
    }

    [Fact]
    public void Reject_WithinLimit_RepromptsWithExpectation()
    {
        var asked = Dialog.Begin(DialogState.Idle, "swe");

        var turn = Dialog.Reject(asked.State);

        Assert.Equal(DialogTurnKind.Reprompted, turn.Kind);
        Assert.Equal(1, turn.State.Attempts);
        Assert.Equal(fixture.Definition.FindSlot("mlYears")!.Reprompt, turn.Prompt!.Text);
    }

    [Fact]
    public void Reject_PastLimit_GivesUpWithNoteAndRecordsSlot()
    {
        var state = Dialog.Begin(DialogState.Idle, "swe, 2 years of ML").State;
        state = Dialog.Reject(state).State;
        state = Dialog.Reject(state).State;

        var turn = Dialog.Reject(state);

        Assert.Equal(DialogTurnKind.GaveUp, turn.Kind);
        Assert.Equal(["cloud"], turn.State.GaveUp);
        Assert.Equal(fixture.Definition.FindSlot("cloud")!.GiveUp.Message, turn.Messages[0]);
        Assert.Equal("undecided", turn.Values!["cloud"]);
    }

    [Fact]
    public void Reject_CloudYearsGiveUp_NamesTheCloud()
    {
        var done = Dialog.Begin(DialogState.Idle, "swe, 2 years of ML, gcp").State;
        var state = Dialog.Continue(done, DialogInput.FromText("edit cloud years")).State;
        for (var i = 0; i < 2; i++)
        {
            state = Dialog.Reject(state).State;
        }

        var turn = Dialog.Reject(state);

        Assert.Contains("Google Cloud", turn.Messages[0], StringComparison.Ordinal);
        Assert.DoesNotContain("{cloud}", turn.Messages[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Reprompt_SecondAsk_UsesNextPromptVariant()
    {
        var asked = Dialog.Begin(DialogState.Idle, null);
        var rejected = Dialog.Reject(asked.State);

        var resumed = Dialog.Resume(rejected.State);

        var prompts = fixture.Definition.FindSlot("role")!.Prompts;
        Assert.Equal(prompts[0], asked.Prompt!.Text);
        Assert.EndsWith(prompts[1], resumed.Prompt!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Resume_Active_PrefixesBackToProfile()
    {
        var asked = Dialog.Begin(DialogState.Idle, "swe");

        var turn = Dialog.Resume(asked.State);

        Assert.Equal("Back to your profile: " + asked.Prompt!.Text, turn.Prompt!.Text);
        Assert.Same(asked.State, turn.State);
    }

    [Fact]
    public void Help_Active_ShowsHelpAndRepeatsQuestion()
    {
        var asked = Dialog.Begin(DialogState.Idle, "swe");

        var turn = Dialog.Continue(asked.State, DialogInput.FromText("help please"));

        Assert.Equal(fixture.Definition.Messages.Help, Assert.Single(turn.Messages));
        Assert.Equal(asked.Prompt!.Text, turn.Prompt!.Text);
        Assert.Equal(asked.Prompt.Slot, turn.Prompt.Slot);
    }

    [Fact]
    public void Edit_AfterCompletion_ConfirmsChange()
    {
        var done = Dialog.Begin(DialogState.Idle, "swe, 2 years of ML, azure");

        var turn = Dialog.Continue(done.State, DialogInput.FromText("Sorry, I meant ML practitioner"));

        Assert.Equal(DialogTurnKind.Edited, turn.Kind);
        Assert.Equal("Updated: ML practitioner.", Assert.Single(turn.Messages));
        Assert.Equal("ml-practitioner", turn.Values!["role"]);
    }

    [Fact]
    public void Edit_CloudToGcpAfterCompletion_StaysCompleteWithoutOldCloudYears()
    {
        var done = Dialog.Begin(DialogState.Idle, "DS, 3 years, 2 years on azure");

        var edited = Dialog.Continue(done.State, DialogInput.FromText("switch to google cloud"));

        Assert.Equal("2", done.Values!["cloudYears"]);
        Assert.Equal(DialogTurnKind.Edited, edited.Kind);
        Assert.Null(edited.Prompt);
        Assert.Equal("gcp", edited.Values!["cloud"]);
        Assert.False(edited.Values.ContainsKey("cloudYears"));
    }

    [Theory]
    [InlineData("help", DialogCommand.Help)]
    [InlineData("HELP!", DialogCommand.Help)]
    [InlineData("cancel", DialogCommand.Cancel)]
    [InlineData("cancle", DialogCommand.Cancel)]
    [InlineData("stop", DialogCommand.Cancel)]
    [InlineData("never mind.", DialogCommand.Cancel)]
    [InlineData("quit", DialogCommand.Cancel)]
    [InlineData("start over", DialogCommand.StartOver)]
    [InlineData("Restart", DialogCommand.StartOver)]
    [InlineData("reset please", DialogCommand.StartOver)]
    [InlineData("forget me", DialogCommand.ForgetMe)]
    [InlineData("Delete my data!", DialogCommand.ForgetMe)]
    [InlineData("change my cloud to Azure", DialogCommand.Change)]
    [InlineData("actually I have 3 years", DialogCommand.Change)]
    [InlineData("I meant data scientist", DialogCommand.Change)]
    [InlineData("edit role", DialogCommand.Change)]
    public void RecognizeCommand_Phrase_ReturnsCommand(string text, DialogCommand expected)
    {
        Assert.Equal(expected, Dialog.RecognizeCommand(text));
    }

    [Theory]
    [InlineData("help me choose a cert")]
    [InlineData("how do I stop overfitting")]
    [InlineData("actually, what does the exam cost?")]
    [InlineData("hello")]
    [InlineData("")]
    public void RecognizeCommand_NotACommand_ReturnsNull(string text)
    {
        Assert.Null(Dialog.RecognizeCommand(text));
    }

    [Theory]
    [InlineData("which cert should I get?", true)]
    [InlineData("Can you recommend something?", true)]
    [InlineData("I'd like to get a recommendation", true)]
    [InlineData("help me choose", true)]
    [InlineData("Which certifcation should I get", true)]
    [InlineData("what's the weather", false)]
    [InlineData("how much is the AWS exam", false)]
    public void IsTrigger_Phrase_MatchesRecommendationRequests(string text, bool expected)
    {
        Assert.Equal(expected, Dialog.IsTrigger(text));
    }

    [Fact]
    public void State_JsonRoundTripMidDialog_ContinuesWhereItWas()
    {
        var asked = Dialog.Begin(DialogState.Idle, "DS, 4 yrs");
        var rejected = Dialog.Reject(asked.State);

        var json = JsonSerializer.Serialize(rejected.State, DialogJsonContext.Default.DialogState);
        var restored = JsonSerializer.Deserialize(json, DialogJsonContext.Default.DialogState)!;
        var turn = Dialog.Continue(restored, DialogInput.FromText("AWS"));

        Assert.Contains("\"status\":\"Active\"", json, StringComparison.Ordinal);
        Assert.Contains("\"pendingSlot\":\"cloud\"", json, StringComparison.Ordinal);
        Assert.Equal(1, restored.Attempts);
        Assert.Equal(DialogTurnKind.Completed, turn.Kind);
        Assert.Equal("aws", turn.Values!["cloud"]);
        Assert.Equal("4", turn.Values["mlYears"]);
    }

    [Fact]
    public void State_JsonWithoutValues_FailsToDeserialize()
    {
        Assert.Throws<JsonException>(() =>
            JsonSerializer.Deserialize("{\"status\":\"Active\",\"pendingSlot\":\"role\",\"attempts\":0,\"gaveUp\":[]}", DialogJsonContext.Default.DialogState));
    }

    [Fact]
    public void Resume_PendingSlotNoLongerDefined_AsksWhatIsMissing()
    {
        var stale = new DialogState(
            DialogStatus.Active,
            "seniority",
            new Dictionary<string, string> { ["role"] = "data-scientist", ["seniority"] = "senior" },
            1,
            []);

        var turn = Dialog.Resume(stale);

        Assert.Equal(DialogTurnKind.Resumed, turn.Kind);
        Assert.Equal("mlYears", turn.Prompt?.Slot);
        Assert.False(turn.State.Values.ContainsKey("seniority"));
    }

    [Fact]
    public void Extract_VeryLongText_StaysFast()
    {
        var text = "DS with 4 years on AWS. " + string.Concat(Enumerable.Repeat("lorem ipsum 12 dolor sit amet ", 2_000));

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var extraction = Dialog.Extract(text);
        watch.Stop();

        Assert.Equal("data-scientist", extraction.ValueOf("role"));
        Assert.InRange(watch.ElapsedMilliseconds, 0, 2_000);
    }

    private DialogTurn Run(DialogState state, string input)
    {
        if (input.StartsWith("!begin", StringComparison.Ordinal))
        {
            var text = input["!begin".Length..].Trim();
            return Dialog.Begin(state, text.Length == 0 ? null : text);
        }

        return input switch
        {
            "!reject" => Dialog.Reject(state),
            "!resume" => Dialog.Resume(state),
            _ when input.StartsWith('[') => Dialog.Continue(
                state, DialogInput.FromChoice(input[1..input.IndexOf('=', StringComparison.Ordinal)], input[(input.IndexOf('=', StringComparison.Ordinal) + 1)..^1])),
            _ => Dialog.Continue(state, DialogInput.FromText(input)),
        };
    }

    private static DialogState RoundTrip(DialogState state) =>
        JsonSerializer.Deserialize(JsonSerializer.Serialize(state, DialogJsonContext.Default.DialogState), DialogJsonContext.Default.DialogState)!;
}

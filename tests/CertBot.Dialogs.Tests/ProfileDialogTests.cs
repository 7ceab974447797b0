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
    // All at once
    [InlineData("!begin DS, 4 yrs, we're an AWS shop => Asked>cloudYears | 2 => Completed",
        "Complete|cloud=aws;cloudYears=2;mlYears=4;role=data-scientist")]
    [InlineData("!begin which cert should I get? backend dev, 2 years of ML, we use Azure => Completed",
        "Complete|cloud=azure;mlYears=2;role=software-engineer")]
    [InlineData("!begin recommend | MLE, 3 years of ML and 1 on GCP => Completed",
        "Complete|cloud=gcp;cloudYears=1;mlYears=3;role=ml-practitioner")]
    // One by one
    [InlineData("!begin which cert should I get => Asked>role | data scientist => Asked>mlYears | 3 years => Asked>cloud | gcp => Asked>cloudYears | 1 => Completed",
        "Complete|cloud=gcp;cloudYears=1;mlYears=3;role=data-scientist")]
    [InlineData("!begin => Asked>role | swe => Asked>mlYears | none => Asked>cloud | not sure => Completed",
        "Complete|cloud=undecided;mlYears=0;role=software-engineer")]
    [InlineData("!begin => Asked>role | sofware engineer => Asked>mlYears | 18 months => Asked>cloud | any => Completed",
        "Complete|cloud=undecided;mlYears=1.5;role=software-engineer")]
    // Answering more than asked, out of order
    [InlineData("!begin => Asked>role | we're an AWS shop => Asked>role | MLE => Asked>mlYears | 4 => Asked>cloudYears | 6 months => Completed",
        "Complete|cloud=aws;cloudYears=0.5;mlYears=4;role=ml-practitioner")]
    // Buttons
    [InlineData("!begin => Asked>role | [role=ml-practitioner] => Asked>mlYears | 5 => Asked>cloud | [cloud=azure] => Completed",
        "Complete|cloud=azure;mlYears=5;role=ml-practitioner")]
    [InlineData("!begin => Asked>role | [role=astronaut] => NotUnderstood | [cloud=gcp] => Asked>role",
        "Active|cloud=gcp")]
    // Invalid answers, reprompts, give-up after the retry limit (2)
    [InlineData("!begin => Asked>role | banana => NotUnderstood | !reject => Reprompted>role | !reject => Reprompted>role | !reject => GaveUp>mlYears",
        "Active|role=software-engineer")]
    [InlineData("!begin => Asked>role | swe => Asked>mlYears | 99 years => NotUnderstood | !reject => Reprompted>mlYears | 2 => Asked>cloud",
        "Active|mlYears=2;role=software-engineer")]
    [InlineData("!begin DS, 2 years => Asked>cloud | !reject => Reprompted>cloud | !reject => Reprompted>cloud | !reject => GaveUp",
        "Complete|cloud=undecided;mlYears=2;role=data-scientist")]
    [InlineData("!begin DS, 2 years, GCP => Asked>cloudYears | !reject => Reprompted>cloudYears | !reject => Reprompted>cloudYears | !reject => GaveUp",
        "Complete|cloud=gcp;cloudYears=0;mlYears=2;role=data-scientist")]
    // NotUnderstood passthrough (FAQ) then Resume
    [InlineData("!begin => Asked>role | how much does the exam cost? => NotUnderstood | !resume => Resumed>role | swe => Asked>mlYears",
        "Active|role=software-engineer")]
    [InlineData("!begin swe => Asked>mlYears | do I need a cert to get hired? => NotUnderstood | !resume => Resumed>mlYears",
        "Active|role=software-engineer")]
    [InlineData("!begin => Asked>role | is AWS harder than GCP? => NotUnderstood | !resume => Resumed>role", "Active|")]
    [InlineData("!begin swe => Asked>mlYears | what does a dev need for the AWS exam => NotUnderstood", "Active|role=software-engineer")]
    [InlineData("!begin swe => Asked>mlYears | how about 3 years? => Asked>cloud", "Active|mlYears=3;role=software-engineer")]
    // Side remarks fill empty slots but never overwrite earlier answers (that takes a change command)
    [InlineData("!begin swe, 2 years => Asked>cloud | as a DS I'd say AWS => Asked>cloudYears", "Active|cloud=aws;mlYears=2;role=software-engineer")]
    // Cancel, start over, forget me, help
    [InlineData("!begin => Asked>role | swe => Asked>mlYears | never mind => Cancelled", "Idle|")]
    [InlineData("!begin => Asked>role | swe => Asked>mlYears | Stop! => Cancelled", "Idle|")]
    [InlineData("!begin swe, 2 years => Asked>cloud | start over => Restarted>role", "Active|")]
    [InlineData("!begin swe, 2 years => Asked>cloud | please restart => Restarted>role", "Active|")]
    [InlineData("!begin swe, 2 years => Asked>cloud | forget me => ForgetRequested", "Idle|")]
    [InlineData("!begin swe => Asked>mlYears | help => Help>mlYears", "Active|role=software-engineer")]
    [InlineData("!begin swe => Asked>mlYears | Help? => Help>mlYears", "Active|role=software-engineer")]
    [InlineData("!begin swe => Asked>mlYears | strat over => Restarted>role", "Active|")]
    // Change / edit at each step and after completion
    [InlineData("!begin swe => Asked>mlYears | I meant data scientist => Edited>mlYears",
        "Active|role=data-scientist")]
    [InlineData("!begin swe, 2 years => Asked>cloud | actually I have 3 years => Edited>cloud",
        "Active|mlYears=3;role=software-engineer")]
    [InlineData("!begin swe, 2 years, gcp => Asked>cloudYears | change my cloud to Azure => Edited",
        "Complete|cloud=azure;mlYears=2;role=software-engineer")]
    [InlineData("!begin swe, 2 years, azure => Completed | change my cloud to AWS => Edited>cloudYears | 1 => Completed",
        "Complete|cloud=aws;cloudYears=1;mlYears=2;role=software-engineer")]
    [InlineData("!begin swe, 2 years, azure => Completed | actually I have 5 years => Edited",
        "Complete|cloud=azure;mlYears=5;role=software-engineer")]
    [InlineData("!begin swe, 2 years, azure => Completed | I meant ML practitioner => Edited",
        "Complete|cloud=azure;mlYears=2;role=ml-practitioner")]
    [InlineData("!begin swe, 2 years, azure => Completed | edit role => Edited>role | DS => Completed",
        "Complete|cloud=azure;mlYears=2;role=data-scientist")]
    [InlineData("!begin swe, 2 years, aws, 1 year on aws => Completed | change my cloud to not sure => Edited",
        "Complete|cloud=undecided;mlYears=2;role=software-engineer")]
    [InlineData("!begin swe, 2 years, azure => Completed | [cloud=gcp] => Edited>cloudYears",
        "Active|cloud=gcp;mlYears=2;role=software-engineer")]
    [InlineData("!begin swe, 2 years, azure => Completed | what does the exam cost => NotUnderstood",
        "Complete|cloud=azure;mlYears=2;role=software-engineer")]
    [InlineData("!begin swe, 2 years, azure => Completed | edit cloud years => NotUnderstood",
        "Complete|cloud=azure;mlYears=2;role=software-engineer")]
    [InlineData("!begin swe, 2 years, aws, 1 year on aws => Completed | edit cloud years => Edited>cloudYears | 3 => Completed",
        "Complete|cloud=aws;cloudYears=3;mlYears=2;role=software-engineer")]
    // cloudYears asked only for gcp/aws
    [InlineData("!begin DS, 2 years => Asked>cloud | Google Cloud => Asked>cloudYears", "Active|cloud=gcp;mlYears=2;role=data-scientist")]
    [InlineData("!begin DS, 2 years => Asked>cloud | amazon => Asked>cloudYears", "Active|cloud=aws;mlYears=2;role=data-scientist")]
    [InlineData("!begin DS, 2 years => Asked>cloud | Microsoft => Completed", "Complete|cloud=azure;mlYears=2;role=data-scientist")]
    [InlineData("!begin DS, 2 years => Asked>cloud | don't know => Completed", "Complete|cloud=undecided;mlYears=2;role=data-scientist")]
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
    public void Begin_AllAtOnce_AcknowledgesWithoutAskingAgain()
    {
        var turn = Dialog.Begin(DialogState.Idle, "DS, 4 yrs, we're an AWS shop");

        Assert.Equal("Got it: data scientist, 4 years of ML, AWS.", Assert.Single(turn.Messages));
        Assert.Equal("cloudYears", turn.Prompt?.Slot);
        Assert.Equal("And how many years have you worked on AWS?", turn.Prompt?.Text);
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
        var state = Dialog.Begin(DialogState.Idle, "swe, 2 years").State;
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
        var state = Dialog.Begin(DialogState.Idle, "swe, 2 years, gcp").State;
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
        var done = Dialog.Begin(DialogState.Idle, "swe, 2 years, azure");

        var turn = Dialog.Continue(done.State, DialogInput.FromText("Sorry, I meant ML practitioner"));

        Assert.Equal(DialogTurnKind.Edited, turn.Kind);
        Assert.Equal("Updated: ML practitioner.", Assert.Single(turn.Messages));
        Assert.Equal("ml-practitioner", turn.Values!["role"]);
    }

    [Fact]
    public void Edit_CloudToGcpAfterCompletion_AsksCloudYearsThenCompletes()
    {
        var done = Dialog.Begin(DialogState.Idle, "DS, 3 years, azure");

        var edited = Dialog.Continue(done.State, DialogInput.FromText("switch to google cloud"));
        var completed = Dialog.Continue(edited.State, DialogInput.FromText("about a year"));

        Assert.Equal("cloudYears", edited.Prompt?.Slot);
        Assert.Null(edited.Values);
        Assert.Equal("1", completed.Values!["cloudYears"]);
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
        var asked = Dialog.Begin(DialogState.Idle, "DS, 4 yrs, AWS");
        var rejected = Dialog.Reject(asked.State);

        var json = JsonSerializer.Serialize(rejected.State, DialogJsonContext.Default.DialogState);
        var restored = JsonSerializer.Deserialize(json, DialogJsonContext.Default.DialogState)!;
        var turn = Dialog.Continue(restored, DialogInput.FromText("2"));

        Assert.Contains("\"status\":\"Active\"", json, StringComparison.Ordinal);
        Assert.Contains("\"pendingSlot\":\"cloudYears\"", json, StringComparison.Ordinal);
        Assert.Equal(1, restored.Attempts);
        Assert.Equal(DialogTurnKind.Completed, turn.Kind);
        Assert.Equal("2", turn.Values!["cloudYears"]);
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

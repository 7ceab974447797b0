using CertBot.Dialogs.Definition;

namespace CertBot.Dialogs.Tests.Definition;

public sealed class DialogDefinitionLoaderTests
{
    private const string Valid = """
        id: test
        slots:
          - name: cloud
            type: choice
            prompts: ["Which cloud?"]
            reprompt: "Pick one."
            giveUp: {value: undecided, message: "Moving on."}
            choices:
              - value: aws
                title: AWS
                synonyms: [aws, amazon]
              - value: undecided
                title: Not sure
                synonyms: [not sure]
          - name: cloudYears
            type: number
            min: 0
            max: 30
            askWhen: {slot: cloud, in: [aws]}
            prompts: ["How long on {cloud}?"]
            reprompt: "A number please."
            giveUp: {value: "0", message: "Assuming 0."}
          - name: awsYears
            type: duration
            required: false
            max: 30
            titleCues: {slot: cloud, counts: [aws]}
            prompts: ["How long on AWS?"]
            reprompt: "A number please."
            giveUp: {value: "0", message: "Assuming 0."}
            quickAnswers:
              - {value: 0, title: "None"}
              - {value: 1.5, title: "1-2 years"}
        durations:
          range: lower
        commands:
          help: [help]
          cancel: [stop]
        triggers: [recommend]
        messages:
          intro: i
          acknowledge: "Got it: {values}."
          edited: "Updated: {values}."
          help: h
          cancelled: c
          restarted: r
          valueSeparator: ", "
          resume: "Back: {prompt}"
        """;

    [Fact]
    public void Parse_ValidYaml_ReadsSlotsChoicesAndConditions()
    {
        var definition = DialogDefinitionLoader.Parse(Valid, "test.yaml");

        Assert.Equal(["cloud", "cloudYears", "awsYears"], definition.Slots.Select(s => s.Name));
        Assert.Equal(SlotKind.Duration, definition.Slots[2].Kind);
        Assert.False(definition.Slots[2].Required);
        Assert.True(definition.Slots[1].Required);
        Assert.Equal([("0", "None"), ("1.5", "1-2 years")], definition.Slots[2].QuickAnswers.Select(q => (q.Value, q.Title)));
        Assert.Equal(["aws"], definition.Slots[2].TitleCues!.Counts);
        Assert.Equal(SlotKind.Number, definition.Slots[1].Kind);
        Assert.Equal(30, definition.Slots[1].Max);
        Assert.Equal(new SlotCondition("cloud", ["aws"]).Slot, definition.Slots[1].AskWhen!.Slot);
        Assert.Equal(["aws"], definition.Slots[1].AskWhen!.In);
        Assert.Equal(2, definition.Slots[0].RetryLimit);
        Assert.Equal(["stop"], definition.Commands[DialogCommand.Cancel]);
    }

    [Fact]
    public void Load_ShippedProfileDialog_IsValid()
    {
        var definition = DialogDefinitionLoader.Load(Path.Combine(AppContext.BaseDirectory, "dialogs", "profile.dialog.en.yaml"));

        Assert.Equal(["role", "mlYears", "cloud", "cloudYears"], definition.Slots.Select(s => s.Name));
        Assert.Equal(["software-engineer", "data-scientist", "ml-practitioner"], definition.FindSlot("role")!.Choices.Select(c => c.Value));
        Assert.Equal(["gcp", "aws", "azure", "undecided"], definition.FindSlot("cloud")!.Choices.Select(c => c.Value));
        Assert.Equal(["gcp", "aws", "azure"], definition.FindSlot("cloudYears")!.AskWhen!.In);
        Assert.Equal(["role", "mlYears", "cloud"], definition.Slots.Where(s => s.Required).Select(s => s.Name));
        Assert.Equal(SlotKind.Duration, definition.FindSlot("mlYears")!.Kind);
        Assert.Equal(SlotKind.Duration, definition.FindSlot("cloudYears")!.Kind);
        Assert.Equal(5, definition.FindSlot("mlYears")!.QuickAnswers.Count);
        Assert.All(definition.Slots, s => Assert.NotEmpty(s.Prompts));
        Assert.Equal(5, definition.Commands.Count);
    }

    // Each row replaces one line of the valid YAML; the error must point at that line (or the next, for syntax errors).
    [Theory]
    [InlineData("    askWhen: {slot: cloud, in: [aws]}", "    askWhen: {slot: vendor, in: [aws]}", 0, "unknown slot 'vendor'")]
    [InlineData("    askWhen: {slot: cloud, in: [aws]}", "    askWhen: {slot: cloud, in: [oracle]}", 0, "'oracle', which is not a choice")]
    [InlineData("        synonyms: [not sure]", "        synonyms: [Amazon!]", 0, "already a synonym of choice 'aws'")]
    [InlineData("    prompts: [\"Which cloud?\"]", "    prompts: []", 0, "has no prompts")]
    [InlineData("    type: duration", "    type: date", 0, "unknown type 'date'")]
    [InlineData("    max: 30", "    max: thirty", 0, "must be a number")]
    [InlineData("    giveUp: {value: undecided, message: \"Moving on.\"}", "    giveUp: {value: maybe, message: \"Moving on.\"}", 0, "not one of its choices")]
    [InlineData("  cancel: [stop]", "  quit: [stop]", 0, "unknown command 'quit'")]
    [InlineData("    required: false", "    required: maybe", 0, "must be true or false")]
    [InlineData("      - {value: 1.5, title: \"1-2 years\"}", "      - {value: 31, title: \"lots\"}", 0, "quick answer 31 must be from 0 to 30")]
    [InlineData("    titleCues: {slot: cloud, counts: [aws]}", "    titleCues: {slot: cloud, counts: [oracle]}", 0, "'oracle', which is not a choice")]
    [InlineData("  range: lower", "  range: upper", 0, "must be lower or midpoint")]
    [InlineData("    reprompt: \"Pick one.\"", "    reprompt: \"Pick one.", 1, "invalid YAML")]
    [InlineData("    reprompt: \"Pick one.\"", "    reprompt: [\"Pick one.\"", 1, "invalid YAML")]
    public void Parse_InvalidYaml_ThrowsWithLineAndColumn(string line, string replacement, int linesAfter, string expectedProblem)
    {
        var lines = Valid.ReplaceLineEndings("\n").Split('\n').ToList();
        var index = lines.IndexOf(line);
        Assert.True(index >= 0, $"'{line}' is not a line of the valid YAML");
        lines[index] = replacement;
        var yaml = string.Join('\n', lines);
        var expectedLine = index + 1;

        var error = Assert.Throws<DialogDefinitionException>(() => DialogDefinitionLoader.Parse(yaml, "bad.yaml"));

        Assert.InRange(error.Line, expectedLine, expectedLine + linesAfter);
        Assert.True(error.Column > 0);
        Assert.Contains(expectedProblem, error.Problem, StringComparison.Ordinal);
        Assert.StartsWith($"bad.yaml:{error.Line}:{error.Column}: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MissingPromptsKey_PointsAtSlot()
    {
        var yaml = Valid.ReplaceLineEndings("\n").Replace("    prompts: [\"How long on {cloud}?\"]\n", string.Empty, StringComparison.Ordinal);
        var slotLine = yaml.Split('\n').ToList().IndexOf("  - name: cloudYears") + 1;

        var error = Assert.Throws<DialogDefinitionException>(() => DialogDefinitionLoader.Parse(yaml, "bad.yaml"));

        Assert.Equal(slotLine, error.Line);
        Assert.Contains("slot 'cloudYears' has no prompts", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "en-us")]
    [InlineData("fr-fr", "fr-fr")]
    [InlineData("FR-FR", "fr-fr")]
    [InlineData("es-es", "es-es")]
    [InlineData("fr-ca", "fr-fr")]
    public void Parse_RecognizerCulture_IsTheCultureNumbersAreReadWith(string? culture, string expected)
    {
        var yaml = culture is null ? Valid : $"recognizerCulture: {culture}\n" + Valid;

        var definition = DialogDefinitionLoader.Parse(yaml, "test.yaml");

        Assert.Equal(expected, definition.RecognizerCulture);
    }

    [Theory]
    [InlineData("xx-yy")]
    [InlineData("french")]
    public void Parse_UnknownRecognizerCulture_ThrowsAtItsLine(string culture)
    {
        var yaml = Valid.ReplaceLineEndings("\n").Replace("durations:\n", $"recognizerCulture: {culture}\ndurations:\n", StringComparison.Ordinal);
        var line = yaml.Split('\n').ToList().IndexOf($"recognizerCulture: {culture}") + 1;

        var error = Assert.Throws<DialogDefinitionException>(() => DialogDefinitionLoader.Parse(yaml, "bad.yaml"));

        Assert.Equal(line, error.Line);
        Assert.Equal(20, error.Column);
        Assert.Contains($"'recognizerCulture' is '{culture}'", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_LayersWhereOnlyTheLowerSetsACulture_UpperInheritsIt()
    {
        var folder = Directory.CreateTempSubdirectory("certbot-dialog-culture-");
        try
        {
            var english = Path.Combine(folder.FullName, "profile.dialog.en.yaml");
            var french = Path.Combine(folder.FullName, "profile.dialog.fr.yaml");
            var canadian = Path.Combine(folder.FullName, "profile.dialog.fr-ca.yaml");
            File.WriteAllText(english, Valid);
            File.WriteAllText(french, "recognizerCulture: fr-fr\n");
            File.WriteAllText(canadian, "triggers: [recommande]\nrecognizerCulture: nope\n");

            Assert.Equal("fr-fr", DialogDefinitionLoader.Load([english, french]).RecognizerCulture);
            var error = Assert.Throws<DialogDefinitionException>(() => DialogDefinitionLoader.Load([english, french, canadian]));
            // The culture is named by one file: the error names that one, not the stack of layers.
            Assert.Equal(canadian, error.FilePath);
            Assert.Equal(2, error.Line);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Load_MissingFile_ThrowsDefinitionException()
    {
        var error = Assert.Throws<DialogDefinitionException>(() => DialogDefinitionLoader.Load("/nonexistent/profile.dialog.en.yaml"));

        Assert.Contains("file not found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_Layers_TranslationOverridesOnlyTheKeysItSets()
    {
        var folder = Directory.CreateTempSubdirectory("certbot-dialog-");
        try
        {
            var english = Path.Combine(folder.FullName, "profile.dialog.en.yaml");
            var german = Path.Combine(folder.FullName, "profile.dialog.de.yaml");
            File.WriteAllText(english, Valid);
            File.WriteAllText(german, "slots:\n  - name: cloud\n    prompts: [\"Welche Cloud?\"]\n    choices:\n      - value: undecided\n        title: Noch offen\n");

            var definition = DialogDefinitionLoader.Load([english, german]);

            var cloud = definition.FindSlot("cloud")!;
            Assert.Equal(["Welche Cloud?"], cloud.Prompts);
            Assert.Equal("Pick one.", cloud.Reprompt);
            Assert.Equal(["AWS", "Noch offen"], cloud.Choices.Select(c => c.Title));
            Assert.Contains("not sure", cloud.Choices.Single(c => c.Value == "undecided").Synonyms);
            Assert.Equal(", ", definition.Messages.ValueSeparator);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}

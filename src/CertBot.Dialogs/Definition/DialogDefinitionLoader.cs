using System.Globalization;
using CertBot.Dialogs.Extraction;
using CertBot.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CertBot.Dialogs.Definition;

/// <summary>Reads and validates a dialog definition YAML file (see dialogs/profile.dialog.en.yaml for the format).</summary>
public static class DialogDefinitionLoader
{
    private const string RecognizerCultureKey = "recognizerCulture";

    /// <summary>Loads a definition from a file; throws <see cref="DialogDefinitionException"/> with file:line:column when it is invalid.</summary>
    public static DialogDefinition Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new DialogDefinitionException(path, 0, 0, "file not found");
        }

        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses definition YAML; <paramref name="source"/> names it in error messages.</summary>
    public static DialogDefinition Parse(string yaml, string source)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);

        var stream = new YamlStream();
        using var reader = new StringReader(yaml);
        var parser = new Parser(reader);
        try
        {
            stream.Load(parser);
        }
        catch (YamlException ex)
        {
            throw new DialogDefinitionException(source, ex.Start.Line, ex.Start.Column, $"invalid YAML: {ex.Message}", ex);
        }
        catch (InvalidOperationException ex)
        {
            // YamlDotNet's scanner throws this on some malformed scalars; the last parsed event is the best position we have.
            var near = parser.Current?.End ?? Mark.Empty;
            throw new DialogDefinitionException(source, near.Line, near.Column, "invalid YAML near here", ex);
        }

        if (stream.Documents.Count == 0)
        {
            throw new DialogDefinitionException(source, 1, 1, "the file is empty");
        }

        return Parse(stream.Documents[0].RootNode, source);
    }

    /// <summary>
    /// Loads a definition laid from per-locale files, English first (see <see cref="YamlLayers"/>): a translation
    /// sets only the keys it changes and the rest falls back to English. The layered whole is validated as one file.
    /// </summary>
    public static DialogDefinition Load(IReadOnlyList<string> layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        if (layers.Count == 1)
        {
            return Load(layers[0]);
        }

        var missing = layers.FirstOrDefault(path => !File.Exists(path));
        if (missing is not null)
        {
            throw new DialogDefinitionException(missing, 0, 0, "file not found");
        }

        // Positions in errors point into whichever layer the offending node came from.
        var source = string.Join(" over ", layers.Reverse());
        YamlMappingNode root;
        try
        {
            root = YamlLayers.Load(layers);
        }
        catch (InvalidDataException ex)
        {
            throw new DialogDefinitionException(source, 0, 0, ex.Message, ex);
        }

        // The culture is one scalar that one layer sets (the top-most that has it): its errors name that file alone.
        // Every layer has just been read, so reading one again cannot fail.
        var cultureSource = layers.LastOrDefault(path => YamlNodeReader.Optional(YamlLayers.Read(path), RecognizerCultureKey) is not null);

        return Parse(root, source, cultureSource);
    }

    /// <summary>Reads a parsed definition; <paramref name="source"/> names it in error messages.</summary>
    public static DialogDefinition Parse(YamlNode document, string source) => Parse(document, source, null);

    private static DialogDefinition Parse(YamlNode document, string source, string? cultureSource)
    {
        ArgumentNullException.ThrowIfNull(document);
        var read = new YamlNodeReader(source);
        var root = read.Mapping(document, "the document");
        var id = read.RequiredString(root, "id", "the dialog");

        var slotsNode = read.Sequence(read.Required(root, "slots", "the dialog"), "'slots'");
        if (slotsNode.Children.Count == 0)
        {
            throw read.Error(slotsNode, "'slots' must list at least one slot");
        }

        var slots = new List<SlotDefinition>();
        var conditionNodes = new List<(SlotCondition Condition, YamlNode Node)>();
        var titleCueNodes = new List<(SlotDefinition Slot, YamlNode Node)>();
        foreach (var slotNode in slotsNode.Children)
        {
            var (slot, conditionNode) = ReadSlot(read, slotNode);
            if (slot.TitleCues is not null)
            {
                titleCueNodes.Add((slot, YamlNodeReader.Optional((YamlMappingNode)slotNode, "titleCues")!));
            }

            if (slots.Exists(s => s.Name == slot.Name))
            {
                throw read.Error(slotNode, $"slot '{slot.Name}' is defined twice");
            }

            slots.Add(slot);
            if (slot.AskWhen is not null && conditionNode is not null)
            {
                conditionNodes.Add((slot.AskWhen, conditionNode));
            }
        }

        foreach (var (condition, node) in conditionNodes)
        {
            var target = slots.Find(s => s.Name == condition.Slot)
                ?? throw read.Error(node, $"askWhen refers to unknown slot '{condition.Slot}'");
            if (target.Kind == SlotKind.Choice)
            {
                var unknown = condition.In.FirstOrDefault(v => target.FindChoice(v) is null);
                if (unknown is not null)
                {
                    throw read.Error(node, $"askWhen lists '{unknown}', which is not a choice of slot '{target.Name}'");
                }
            }
        }

        foreach (var (slot, node) in titleCueNodes)
        {
            var rule = slot.TitleCues!;
            var target = slots.Find(s => s.Name == rule.Slot && s.Kind == SlotKind.Choice)
                ?? throw read.Error(node, $"titleCues of slot '{slot.Name}' refers to unknown choice slot '{rule.Slot}'");
            var unknown = rule.Counts.Concat(rule.Other).FirstOrDefault(v => target.FindChoice(v) is null);
            if (unknown is not null)
            {
                throw read.Error(node, $"titleCues of slot '{slot.Name}' lists '{unknown}', which is not a choice of slot '{target.Name}'");
            }
        }

        return new DialogDefinition(
            id,
            slots,
            ReadCommands(read, read.Mapping(read.Required(root, "commands", "the dialog"), "'commands'")),
            read.Strings(read.Required(root, "triggers", "the dialog"), "'triggers'"),
            read.OptionalStrings(root, "fillerWords", "the dialog"),
            ReadDurations(read, YamlNodeReader.Optional(root, "durations")),
            ReadMessages(read, read.Mapping(read.Required(root, "messages", "the dialog"), "'messages'")))
        {
            QuestionWords = read.OptionalStrings(root, "questionWords", "the dialog"),
            Credentials = ReadCredentials(read, YamlNodeReader.Optional(root, "credentials")),
            SelfWords = read.OptionalStrings(root, "selfWords", "the dialog"),
            IdentityCues = read.OptionalStrings(root, "identityCues", "the dialog"),
            ClauseBreakWords = read.OptionalStrings(root, "clauseBreakWords", "the dialog"),
            ProposalCues = read.OptionalStrings(root, "proposalCues", "the dialog"),
            RecognizerCulture = ReadRecognizerCulture(new YamlNodeReader(cultureSource ?? source), root),
        };
    }

    /// <summary>
    /// The culture of <c>recognizerCulture</c>, checked now so a culture Microsoft.Recognizers.Text has no number or
    /// date-time model for stops start-up at its line instead of reading that language as English.
    /// </summary>
    private static string ReadRecognizerCulture(YamlNodeReader read, YamlMappingNode root)
    {
        var node = YamlNodeReader.Optional(root, RecognizerCultureKey);
        if (node is null)
        {
            return TextRecognizers.DefaultCulture;
        }

        var culture = read.Scalar(node, $"'{RecognizerCultureKey}'").ToLowerInvariant();
        if (TextRecognizers.Resolve(culture) is not { } resolved)
        {
            throw read.Error(node, $"'{RecognizerCultureKey}' is '{culture}', which Microsoft.Recognizers.Text has no number and date-time models for; "
                + $"use one of the culture codes it lists that has both ({string.Join(", ", TextRecognizers.ListedCultures)}), for example en-us or fr-fr");
        }

        return resolved;
    }

    private static (SlotDefinition Slot, YamlNode? ConditionNode) ReadSlot(YamlNodeReader read, YamlNode node)
    {
        var map = read.Mapping(node, "a slot");
        var name = read.RequiredString(map, "name", "a slot");
        var what = $"slot '{name}'";
        var typeNode = read.Required(map, "type", what);
        var kind = read.Scalar(typeNode, $"{what} 'type'") switch
        {
            "choice" => SlotKind.Choice,
            "number" => SlotKind.Number,
            "duration" => SlotKind.Duration,
            var other => throw read.Error(typeNode, $"{what} has unknown type '{other}' (use choice, number or duration)"),
        };

        var requiredNode = YamlNodeReader.Optional(map, "required");
        var required = requiredNode is null || read.Boolean(requiredNode, $"{what} 'required'");
        var promptsNode = YamlNodeReader.Optional(map, "prompts") ?? throw read.Error(map, $"{what} has no prompts");
        var prompts = read.Strings(promptsNode, $"{what} 'prompts'");
        if (prompts.Count == 0)
        {
            throw read.Error(promptsNode, $"{what} has no prompts");
        }

        var reprompt = read.RequiredString(map, "reprompt", what);
        var retryNode = YamlNodeReader.Optional(map, "retryLimit");
        var retryLimit = retryNode is null ? 2 : (int)read.Number(retryNode, $"{what} 'retryLimit'");
        if (retryLimit < 0 && retryNode is not null)
        {
            throw read.Error(retryNode, $"{what} 'retryLimit' must be 0 or more");
        }

        var giveUpMap = read.Mapping(read.Required(map, "giveUp", what), $"{what} 'giveUp'");
        var giveUp = new GiveUpRule(
            read.OptionalString(giveUpMap, "value", $"{what} giveUp"),
            read.RequiredString(giveUpMap, "message", $"{what} giveUp"));

        var choices = new List<ChoiceDefinition>();
        var quickAnswers = new List<QuickAnswer>();
        double min = 0, max = double.MaxValue;
        string? unit = null;
        if (kind == SlotKind.Choice)
        {
            var choicesNode = read.Sequence(read.Required(map, "choices", what), $"{what} 'choices'");
            var owners = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var choiceNode in choicesNode.Children)
            {
                choices.Add(ReadChoice(read, choiceNode, what, owners));
            }

            if (choices.Count == 0)
            {
                throw read.Error(choicesNode, $"{what} must list at least one choice");
            }

            if (giveUp.Value is not null && !choices.Exists(c => c.Value == giveUp.Value))
            {
                throw read.Error(giveUpMap, $"{what} giveUp value '{giveUp.Value}' is not one of its choices");
            }
        }
        else
        {
            var minNode = YamlNodeReader.Optional(map, "min");
            var maxNode = YamlNodeReader.Optional(map, "max");
            min = minNode is null ? 0 : read.Number(minNode, $"{what} 'min'");
            max = maxNode is null ? double.MaxValue : read.Number(maxNode, $"{what} 'max'");
            if (max < min)
            {
                throw read.Error(maxNode ?? map, $"{what} has max below min");
            }

            unit = read.OptionalString(map, "unit", what);
            if (giveUp.Value is not null
                && (!double.TryParse(giveUp.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var fallback)
                    || fallback < min || fallback > max))
            {
                throw read.Error(giveUpMap, $"{what} giveUp value '{giveUp.Value}' must be a number from {min} to {max}");
            }

            var quickNode = YamlNodeReader.Optional(map, "quickAnswers");
            if (quickNode is not null)
            {
                foreach (var item in read.Sequence(quickNode, $"{what} 'quickAnswers'").Children)
                {
                    var answerMap = read.Mapping(item, $"a quick answer of {what}");
                    var valueNode = read.Required(answerMap, "value", $"a quick answer of {what}");
                    var number = read.Number(valueNode, $"a quick answer value of {what}");
                    if (number < min || number > max)
                    {
                        throw read.Error(valueNode, $"{what} quick answer {number} must be from {min} to {max}");
                    }

                    quickAnswers.Add(new QuickAnswer(Utterance.Format(number), read.RequiredString(answerMap, "title", $"a quick answer of {what}")));
                }
            }
        }

        TitleCueRule? titleCues = null;
        var titleNode = YamlNodeReader.Optional(map, "titleCues");
        if (titleNode is not null)
        {
            var titleMap = read.Mapping(titleNode, $"{what} 'titleCues'");
            titleCues = new TitleCueRule(
                read.RequiredString(titleMap, "slot", $"{what} titleCues"),
                read.OptionalStrings(titleMap, "counts", $"{what} titleCues"),
                read.OptionalStrings(titleMap, "other", $"{what} titleCues"))
            {
                Except = read.OptionalStrings(titleMap, "except", $"{what} titleCues"),
            };
        }

        var ambiguous = read.OptionalString(map, "ambiguousValue", what);
        if (ambiguous is not null && !choices.Exists(c => c.Value == ambiguous))
        {
            throw read.Error(YamlNodeReader.Optional(map, "ambiguousValue")!, $"{what} ambiguousValue '{ambiguous}' is not one of its choices");
        }

        SlotCondition? condition = null;
        var conditionNode = YamlNodeReader.Optional(map, "askWhen");
        if (conditionNode is not null)
        {
            var conditionMap = read.Mapping(conditionNode, $"{what} 'askWhen'");
            condition = new SlotCondition(
                read.RequiredString(conditionMap, "slot", $"{what} askWhen"),
                read.Strings(read.Required(conditionMap, "in", $"{what} askWhen"), $"{what} askWhen 'in'"));
        }

        var slot = new SlotDefinition(
            name,
            kind,
            read.OptionalStrings(map, "aliases", what),
            prompts,
            reprompt,
            retryLimit,
            giveUp,
            read.OptionalString(map, "acknowledge", what) ?? (kind == SlotKind.Choice ? "{label}" : "{value}"),
            choices,
            min,
            max,
            unit,
            read.OptionalStrings(map, "cues", what),
            condition)
        {
            AcknowledgeOne = read.OptionalString(map, "acknowledgeOne", what),
            Required = required,
            QuickAnswers = quickAnswers,
            OtherCues = read.OptionalStrings(map, "otherCues", what),
            TitleCues = titleCues,
            PreferCues = read.OptionalStrings(map, "preferCues", what),
            PastCues = read.OptionalStrings(map, "pastCues", what),
            AmbiguousValue = ambiguous,
            AboutOthers = read.OptionalStrings(map, "aboutOthers", what),
            OthersAfterPossessive = read.OptionalStrings(map, "othersAfterPossessive", what),
            Possessives = read.OptionalStrings(map, "possessives", what),
        };
        return (slot, conditionNode);
    }

    private static ChoiceDefinition ReadChoice(
        YamlNodeReader read, YamlNode node, string slotWhat, Dictionary<string, string> owners)
    {
        var map = read.Mapping(node, $"a choice of {slotWhat}");
        var value = read.RequiredString(map, "value", $"a choice of {slotWhat}");
        var what = $"choice '{value}' of {slotWhat}";
        var title = read.RequiredString(map, "title", what);
        var label = read.OptionalString(map, "label", what) ?? title;
        var synonyms = read.OptionalStrings(map, "synonyms", what);
        var answerOnly = read.OptionalStrings(map, "answerOnlySynonyms", what);

        foreach (var key in new[] { "synonyms", "answerOnlySynonyms" })
        {
            var listNode = YamlNodeReader.Optional(map, key);
            if (listNode is not YamlSequenceNode list)
            {
                continue;
            }

            foreach (var item in list.Children)
            {
                var normalized = Utterance.Normalize(read.Scalar(item, $"a synonym of {what}"));
                if (normalized.Length == 0)
                {
                    throw read.Error(item, $"a synonym of {what} has no words");
                }

                if (owners.TryGetValue(normalized, out var owner) && owner != value)
                {
                    throw read.Error(item, $"synonym '{normalized}' of {what} is already a synonym of choice '{owner}'");
                }

                owners[normalized] = value;
            }
        }

        return new ChoiceDefinition(value, title, label, synonyms, answerOnly)
        {
            Prototypes = read.OptionalStrings(map, "prototypes", what),
        };
    }

    private static Dictionary<DialogCommand, IReadOnlyList<string>> ReadCommands(YamlNodeReader read, YamlMappingNode map)
    {
        var commands = new Dictionary<DialogCommand, IReadOnlyList<string>>();
        foreach (var (keyNode, valueNode) in map.Children)
        {
            var key = read.Scalar(keyNode, "a command name");
            var command = key switch
            {
                "help" => DialogCommand.Help,
                "cancel" => DialogCommand.Cancel,
                "startOver" => DialogCommand.StartOver,
                "forgetMe" => DialogCommand.ForgetMe,
                "change" => DialogCommand.Change,
                _ => throw read.Error(keyNode, $"unknown command '{key}' (use help, cancel, startOver, forgetMe, change)"),
            };
            commands[command] = read.Strings(valueNode, $"command '{key}'");
        }

        return commands;
    }

    private static DurationVocabulary ReadDurations(YamlNodeReader read, YamlNode? node)
    {
        if (node is null)
        {
            return new DurationVocabulary(["year", "years"], ["month", "months"], ["week", "weeks"], new Dictionary<string, double>(), 4);
        }

        var map = read.Mapping(node, "'durations'");
        var phrases = new Dictionary<string, double>(StringComparer.Ordinal);
        var phrasesNode = YamlNodeReader.Optional(map, "phrases");
        if (phrasesNode is not null)
        {
            foreach (var (keyNode, valueNode) in read.Mapping(phrasesNode, "'durations.phrases'").Children)
            {
                phrases[Utterance.Normalize(read.Scalar(keyNode, "a duration phrase"))] =
                    read.Number(valueNode, "the value of a duration phrase");
            }
        }

        var bareNode = YamlNodeReader.Optional(map, "maxWordsAroundBareAnswer");
        var rangeNode = YamlNodeReader.Optional(map, "range");
        var range = rangeNode is null
            ? RangeRule.Lower
            : read.Scalar(rangeNode, "'durations.range'") switch
            {
                "lower" => RangeRule.Lower,
                "midpoint" => RangeRule.Midpoint,
                var other => throw read.Error(rangeNode, $"'durations.range' must be lower or midpoint, not '{other}'"),
            };
        var windowNode = YamlNodeReader.Optional(map, "negationWindow");
        var limiterWindowNode = YamlNodeReader.Optional(map, "zeroLimiterWindow");
        return new DurationVocabulary(
            read.OptionalStrings(map, "yearUnits", "'durations'"),
            read.OptionalStrings(map, "monthUnits", "'durations'"),
            read.OptionalStrings(map, "weekUnits", "'durations'"),
            phrases,
            bareNode is null ? 4 : (int)read.Number(bareNode, "'durations.maxWordsAroundBareAnswer'"))
        {
            Range = range,
            NegationWords = read.OptionalStrings(map, "negationWords", "'durations'"),
            NegationWindow = windowNode is null ? 4 : (int)read.Number(windowNode, "'durations.negationWindow'"),
            ZeroPhrases = read.OptionalStrings(map, "zeroPhrases", "'durations'"),
            ZeroLimiters = read.OptionalStrings(map, "zeroLimiters", "'durations'"),
            ZeroNouns = read.OptionalStrings(map, "zeroNouns", "'durations'"),
            ZeroLimiterWindow = limiterWindowNode is null ? 3 : (int)read.Number(limiterWindowNode, "'durations.zeroLimiterWindow'"),
            BridgeWords = read.OptionalStrings(map, "bridgeWords", "'durations'"),
            CountWords = read.OptionalStrings(map, "countWords", "'durations'"),
            NumberWords = read.OptionalStrings(map, "numberWords", "'durations'"),
            RangeWords = read.OptionalStrings(map, "rangeWords", "'durations'"),
            UnitBridgeWords = read.OptionalStrings(map, "unitBridgeWords", "'durations'"),
            Articles = read.OptionalStrings(map, "articles", "'durations'"),
            HalfWords = read.OptionalStrings(map, "halfWords", "'durations'"),
        };
    }

    private static CredentialVocabulary ReadCredentials(YamlNodeReader read, YamlNode? node)
    {
        if (node is null)
        {
            return CredentialVocabulary.None;
        }

        var map = read.Mapping(node, "'credentials'");
        return new CredentialVocabulary(
            read.OptionalStrings(map, "names", "'credentials'"),
            read.OptionalStrings(map, "codePrefixes", "'credentials'"),
            read.OptionalStrings(map, "words", "'credentials'"));
    }

    private static DialogMessages ReadMessages(YamlNodeReader read, YamlMappingNode map) =>
        new(
            read.RequiredString(map, "intro", "'messages'"),
            read.RequiredString(map, "acknowledge", "'messages'"),
            read.RequiredString(map, "edited", "'messages'"),
            read.RequiredString(map, "help", "'messages'"),
            read.RequiredString(map, "cancelled", "'messages'"),
            read.RequiredString(map, "restarted", "'messages'"),
            read.RequiredVerbatim(map, "valueSeparator", "'messages'"),
            read.RequiredString(map, "resume", "'messages'"));
}

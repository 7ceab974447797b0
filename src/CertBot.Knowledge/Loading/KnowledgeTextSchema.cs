using YamlDotNet.RepresentationModel;

namespace CertBot.Knowledge.Loading;

/// <summary>
/// Which fields of the knowledge are text (the words people read, per language) and which are facts (the same in
/// every language), and the checks that keep them apart: a text file (knowledge.en.yaml, knowledge.fr.yaml) may
/// word only entries the facts have and may set no fact; the facts file of a split knowledge holds no text. Items are
/// named by <c>id</c> (a learning path by <c>persona</c>), so a text file is laid over the facts item by item.
/// </summary>
internal static class KnowledgeTextSchema
{
    /// <summary>The keys that name list items when text is laid over facts, tried in this order (a synonym group by its canonical word).</summary>
    public static IReadOnlyList<string> IdentityKeys { get; } = ["id", "persona", SynonymIdentity];

    /// <summary>
    /// The section of the FAQ matcher's words: how one language asks (synonyms, stop words...), so text, although no
    /// one reads it. Unlike the other sections it is a mapping of word lists, keyed by nothing in the facts.
    /// </summary>
    public const string MatcherSection = "matcher";

    private const string SynonymIdentity = "canonical";

    private static readonly string[] MatcherWords = ["synonyms", "stopWords", "referringWords", "overviewWords", "askingWords", "wordEndings"];

    private static readonly Shape Source = new("a source", "id", ["title"], []);

    private static readonly Dictionary<string, Shape> Sections = new(StringComparer.Ordinal)
    {
        ["credentials"] = new("credential", "id",
            ["name", "shortName", "covers", "format", "cost", "costShort", "preparationTime", "preparationShort", "caveat"],
            [("sources", Source)])
        {
            Mappings = new(StringComparer.Ordinal) { ["experience"] = ["description"] },
        },
        ["courses"] = new("course", "id", ["title", "teaches"], []),
        ["paths"] = new("learning path", "persona", ["summary"], [("steps", new Shape("a path step", "id", ["text"], []))]),
        ["hiringSignals"] = new("hiring signal", "id", ["signal", "advice"], []),
        ["faqs"] = new("FAQ", "id", ["question", "title", "alternatives", "answer", "forProfile"], [("sources", Source)]),
        // A detail's phrases and word pairs ('together', with their distance) are how one language asks for it.
        ["details"] = new("detail", "id", ["label", "phrases", "together"], []),
    };

    // Text a translation may add where English has none would show only in that language: worth a warning.
    private static readonly HashSet<string> OptionalText = new(StringComparer.Ordinal) { "shortName", "costShort", "preparationShort", "caveat", "forProfile", "cost" };

    /// <summary>True when <paramref name="key"/> names a text field somewhere in the knowledge, or a mapping that holds one.</summary>
    public static bool IsText(string key) =>
        key == MatcherSection || MatcherWords.Contains(key) || Sections.Values.Any(shape => shape.Text.Contains(key) || shape.Lists.Any(list => list.Item.Text.Contains(key))
            || shape.Mappings.ContainsKey(key) || shape.Mappings.Values.Any(fields => fields.Contains(key)));

    /// <summary>
    /// Reports text in the facts file of a split knowledge (it belongs in the English text file), and list items
    /// the text is laid over by id that carry none.
    /// </summary>
    public static void CheckFacts(YamlMappingNode facts, KnowledgeSourceMap map, string englishFile, List<ValidationIssue> issues)
    {
        var report = new Reporter(map, issues);
        if (facts.Children.TryGetValue(new YamlScalarNode(MatcherSection), out var matcher) && matcher is YamlMappingNode words)
        {
            foreach (var key in words.Children.Keys.OfType<YamlScalarNode>().Where(k => MatcherWords.Contains(k.Value)))
            {
                report.Error(key, $"'{MatcherSection}.{key.Value}' is text: the words the FAQ matcher reads English questions with belong in {englishFile} "
                    + "(a language's knowledge.{locale}.yaml lays its own over them).");
            }
        }

        foreach (var (name, shape) in Sections)
        {
            foreach (var item in Items(facts, name))
            {
                var id = Identity(item, shape.Identity) ?? "?";
                foreach (var (key, value) in item.Children)
                {
                    var field = (key as YamlScalarNode)?.Value ?? string.Empty;
                    if (shape.Text.Contains(field))
                    {
                        report.Error(key, $"'{field}' of {shape.What} '{id}' is text: it belongs in {englishFile}, the English text every language falls back to.");
                    }
                    else if (shape.Mappings.TryGetValue(field, out var textFields) && value is YamlMappingNode nested)
                    {
                        foreach (var inner in nested.Children.Keys.OfType<YamlScalarNode>().Where(k => textFields.Contains(k.Value!)))
                        {
                            report.Error(inner, $"'{field}.{inner.Value}' of {shape.What} '{id}' is text: it belongs in {englishFile}.");
                        }
                    }
                    else if (shape.Lists.FirstOrDefault(list => list.Key == field) is { Item: { } itemShape } && value is YamlSequenceNode sequence)
                    {
                        foreach (var child in sequence.Children.OfType<YamlMappingNode>())
                        {
                            if (Identity(child, itemShape.Identity) is null)
                            {
                                report.Error(child, $"Each of the {field} of {shape.What} '{id}' needs an '{itemShape.Identity}', which its text in {englishFile} is keyed by.");
                            }

                            foreach (var inner in child.Children.Keys.OfType<YamlScalarNode>().Where(k => itemShape.Text.Contains(k.Value!)))
                            {
                                report.Error(inner, $"'{inner.Value}' of {itemShape.What} of {shape.What} '{id}' is text: it belongs in {englishFile}.");
                            }
                        }
                    }
                }
            }
        }
    }

    /// <summary>
    /// Checks one text file against the facts (with the layers below it already laid over them) and removes what it
    /// may not set, so only text is laid over them: a fact, a section or entry the facts do not have, an item without
    /// its id or with one used twice. Text that a <paramref name="translation"/> adds where the English has none is a
    /// warning: it would show in that language only.
    /// </summary>
    public static void CheckText(YamlMappingNode text, YamlMappingNode facts, bool translation, string file, KnowledgeSourceMap map, List<ValidationIssue> issues)
    {
        var report = new Reporter(map, issues);
        var factsName = Path.GetFileName(map.File);
        foreach (var (key, value) in text.Children.ToList())
        {
            var section = (key as YamlScalarNode)?.Value ?? string.Empty;
            if (section == MatcherSection)
            {
                CheckMatcher(text, key, value, report);
                continue;
            }

            if (!Sections.TryGetValue(section, out var shape))
            {
                report.Error(key, facts.Children.ContainsKey(key)
                    ? $"'{section}' is a fact: it belongs in {factsName}, and a text file cannot change it."
                    : $"Unknown section '{section}' in a knowledge text file; expected one of: {string.Join(", ", Sections.Keys)}.");
                text.Children.Remove(key);
                continue;
            }

            if (value is not YamlSequenceNode items)
            {
                report.Error(value, $"Section '{section}' in a knowledge text file must be a list of entries named by '{shape.Identity}'.");
                text.Children.Remove(key);
                continue;
            }

            var known = Items(facts, section).Where(item => Identity(item, shape.Identity) is not null)
                .GroupBy(item => Identity(item, shape.Identity)!, StringComparer.Ordinal)
                .ToDictionary(group => group.Key, group => group.First(), StringComparer.Ordinal);
            CheckItems(items, shape, $"'{section}'", known, translation, file, factsName, report);
        }
    }

    /// <summary>
    /// The matcher's words in a text file: only its word lists, each synonym group named by its canonical word once
    /// (groups merge with the English ones by that word).
    /// </summary>
    private static void CheckMatcher(YamlMappingNode text, YamlNode key, YamlNode value, Reporter report)
    {
        if (value is not YamlMappingNode words)
        {
            report.Error(value, $"Section '{MatcherSection}' in a knowledge text file must be a mapping of its word lists: {string.Join(", ", MatcherWords)}.");
            text.Children.Remove(key);
            return;
        }

        foreach (var (wordKey, list) in words.Children.ToList())
        {
            var name = (wordKey as YamlScalarNode)?.Value ?? string.Empty;
            if (!MatcherWords.Contains(name))
            {
                report.Error(wordKey, $"'{MatcherSection}.{name}' is not one of the FAQ matcher's word lists; a text file may set: {string.Join(", ", MatcherWords)}.");
                words.Children.Remove(wordKey);
                continue;
            }

            if (name != MatcherWords[0] || list is not YamlSequenceNode groups)
            {
                continue;
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var group in groups.Children.ToList())
            {
                var canonical = group is YamlMappingNode g ? Identity(g, SynonymIdentity) : null;
                if (canonical is null)
                {
                    report.Error(group, $"Each synonym group in a knowledge text file needs its '{SynonymIdentity}' word, which a translation's group of the same word replaces.");
                    groups.Children.Remove(group);
                }
                else if (!seen.Add(canonical))
                {
                    report.Error(group, $"The synonym group '{canonical}' is given twice; keep one.");
                    groups.Children.Remove(group);
                }
            }
        }
    }

    private static void CheckItems(
        YamlSequenceNode items,
        Shape shape,
        string where,
        Dictionary<string, YamlMappingNode> facts,
        bool translation,
        string file,
        string factsName,
        Reporter report)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in items.Children.ToList())
        {
            var id = node is YamlMappingNode m ? Identity(m, shape.Identity) : null;
            if (node is not YamlMappingNode item || id is null)
            {
                report.Error(node, $"Each entry of {where} in a knowledge text file needs its '{shape.Identity}', to say which {shape.What} it words.");
                items.Children.Remove(node);
                continue;
            }

            if (!facts.TryGetValue(id, out var factItem))
            {
                report.Error(item, $"{Capitalised(shape.What)} '{id}' is not in {factsName}: a text file words only what the facts hold; add the entry there first.");
                items.Children.Remove(node);
                continue;
            }

            if (!seen.Add(id))
            {
                report.Error(item, $"{Capitalised(shape.What)} '{id}' is worded twice in {where}; keep one.");
                items.Children.Remove(node);
                continue;
            }

            foreach (var (key, value) in item.Children.ToList())
            {
                var field = (key as YamlScalarNode)?.Value ?? string.Empty;
                if (field == shape.Identity)
                {
                    continue;
                }

                if (shape.Text.Contains(field))
                {
                    if (translation && OptionalText.Contains(field) && !factItem.Children.ContainsKey(key))
                    {
                        report.Warning(key, $"'{field}' of {shape.What} '{id}' is in {Path.GetFileName(file)} but not in the English text, which every language falls back to; word it in English too.");
                    }

                    continue;
                }

                if (shape.Mappings.TryGetValue(field, out var textFields) && value is YamlMappingNode nested)
                {
                    foreach (var (innerKey, _) in nested.Children.ToList())
                    {
                        if (innerKey is not YamlScalarNode { Value: { } inner } || !textFields.Contains(inner))
                        {
                            report.Error(innerKey, $"'{field}.{(innerKey as YamlScalarNode)?.Value}' of {shape.What} '{id}' is a fact: it belongs in {factsName}, and a text file cannot change it.");
                            nested.Children.Remove(innerKey);
                        }
                    }

                    continue;
                }

                if (shape.Lists.FirstOrDefault(list => list.Key == field) is { Item: { } itemShape } && value is YamlSequenceNode list)
                {
                    var factList = Items(factItem, field).Where(child => Identity(child, itemShape.Identity) is not null)
                        .GroupBy(child => Identity(child, itemShape.Identity)!, StringComparer.Ordinal)
                        .ToDictionary(group => group.Key, group => group.First(), StringComparer.Ordinal);
                    CheckItems(list, itemShape, $"the {field} of {shape.What} '{id}'", factList, translation, file, factsName, report);
                    continue;
                }

                report.Error(key, $"'{field}' of {shape.What} '{id}' is not text: facts belong in {factsName}, and a text file cannot change them. "
                    + $"Its text fields are: {string.Join(", ", shape.Text.Concat(shape.Mappings.Keys).Concat(shape.Lists.Select(l => l.Key)))}.");
                item.Children.Remove(key);
            }
        }
    }

    private static IEnumerable<YamlMappingNode> Items(YamlMappingNode parent, string key) =>
        parent.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlSequenceNode sequence
            ? sequence.Children.OfType<YamlMappingNode>()
            : [];

    private static string? Identity(YamlMappingNode item, string key) =>
        item.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode { Value: { Length: > 0 } text } ? text : null;

    private static string Capitalised(string what) => what.Length == 0 ? what : char.ToUpperInvariant(what[0]) + what[1..];

    /// <summary>One kind of item: how issues name it, the key that names it, its text fields and its lists of named items.</summary>
    private sealed record Shape(string What, string Identity, IReadOnlyList<string> Text, IReadOnlyList<(string Key, Shape Item)> Lists)
    {
        /// <summary>Nested mappings that mix facts and text (a credential's experience: years are facts, the description text).</summary>
        public Dictionary<string, IReadOnlyList<string>> Mappings { get; init; } = new(StringComparer.Ordinal);
    }

    private sealed class Reporter(KnowledgeSourceMap map, List<ValidationIssue> issues)
    {
        public void Error(YamlNode node, string message) => Add(ValidationSeverity.Error, node, message);

        public void Warning(YamlNode node, string message) => Add(ValidationSeverity.Warning, node, message);

        private void Add(ValidationSeverity severity, YamlNode node, string message) =>
            issues.Add(new ValidationIssue(severity, map.FileOf(node), (int)node.Start.Line, (int)node.Start.Column, message));
    }
}

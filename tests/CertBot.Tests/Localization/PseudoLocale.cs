using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace CertBot.Tests.Localization;

/// <summary>
/// The qps-ploc pseudo-locale, generated from the English catalogues: every letter, digit, space and punctuation mark
/// of the wording becomes a look-alike outside ASCII ("Hello, {name}" is "⟦Ĥéļļö，\u2002{name}⟧"), while placeholders,
/// markdown markers and link targets stay as they are. Whatever ASCII text a reply then shows did not come from a
/// catalogue: it is data (a credential name, a number, a URL, what the person typed) or it is a sentence built in code.
/// </summary>
public static partial class PseudoLocale
{
    public const string Tag = "qps-ploc";
    public const string Open = "⟦";
    public const string Close = "⟧";

    private const string Lower = "åƀçðéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýž";
    private const string Upper = "ÅƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ";

    // Keys whose values are vocabulary the bot matches typed text against, or codes, not wording a person reads:
    // they fall back to English (the pseudo-locale speaks in accents but understands English).
    private static readonly HashSet<string> MessageVocabulary = new(StringComparer.Ordinal) { "intents", "color", "platformWords", "alsoFoundBy" };

    // In the knowledge's text: the ids that name entries, and the phrasings only matched against what people type (an
    // FAQ's alternatives, a detail's phrases and word pairs, the FAQ matcher's words). Everything else there is wording a person reads.
    private static readonly HashSet<string> KnowledgeVocabulary = new(StringComparer.Ordinal) { "id", "persona", "alternatives", "phrases", "together", "matcher" };

    /// <summary>The pseudo-localized form of one catalogue string.</summary>
    public static string Transform(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new StringBuilder(text.Length + 2);
        var hasWords = false;
        var last = 0;
        foreach (Match kept in Kept().Matches(text))
        {
            hasWords |= TransformInto(result, text.AsSpan(last, kept.Index - last));
            result.Append(kept.Value);
            last = kept.Index + kept.Length;
        }

        hasWords |= TransformInto(result, text.AsSpan(last));
        return hasWords ? Open + result + Close : result.ToString();
    }

    /// <summary>
    /// Writes messages.qps-ploc.yaml (every wording string), profile.dialog.qps-ploc.yaml (only the dialog's wording, so
    /// its vocabulary falls back to English key by key) and knowledge.qps-ploc.yaml (the knowledge's text, its ids and
    /// matching phrasings kept) into <paramref name="folder"/>.
    /// </summary>
    public static void WriteCatalogues(string folder)
    {
        var knowledge = Load(Path.Combine(folder, "knowledge.en.yaml"));
        Save(Path.Combine(folder, $"knowledge.{Tag}.yaml"), TransformTree(knowledge, KnowledgeVocabulary));

        var messages = Load(Path.Combine(folder, "messages.en.yaml"));
        Save(Path.Combine(folder, $"messages.{Tag}.yaml"), TransformTree(messages, MessageVocabulary));

        var dialog = Load(Path.Combine(folder, "profile.dialog.en.yaml"));
        var wording = new YamlMappingNode { { "messages", TransformTree(dialog.Children[new YamlScalarNode("messages")], []) } };
        var slots = new YamlSequenceNode();
        foreach (var slot in ((YamlSequenceNode)dialog.Children[new YamlScalarNode("slots")]).Children.Cast<YamlMappingNode>())
        {
            var translated = new YamlMappingNode { { "name", slot.Children[new YamlScalarNode("name")] } };
            foreach (var key in new[] { "prompts", "reprompt", "acknowledge", "acknowledgeOne" })
            {
                if (slot.Children.TryGetValue(new YamlScalarNode(key), out var value))
                {
                    translated.Add(key, TransformTree(value, []));
                }
            }

            if (slot.Children.TryGetValue(new YamlScalarNode("giveUp"), out var giveUp))
            {
                translated.Add("giveUp", new YamlMappingNode { { "message", TransformTree(((YamlMappingNode)giveUp).Children[new YamlScalarNode("message")], []) } });
            }

            foreach (var (list, keys) in new[] { ("choices", new[] { "title", "label" }), ("quickAnswers", new[] { "title" }) })
            {
                if (slot.Children.TryGetValue(new YamlScalarNode(list), out var items))
                {
                    var translatedItems = new YamlSequenceNode();
                    foreach (var item in ((YamlSequenceNode)items).Children.Cast<YamlMappingNode>())
                    {
                        var translatedItem = new YamlMappingNode { { "value", item.Children[new YamlScalarNode("value")] } };
                        foreach (var key in keys.Where(k => item.Children.ContainsKey(new YamlScalarNode(k))))
                        {
                            translatedItem.Add(key, TransformTree(item.Children[new YamlScalarNode(key)], []));
                        }

                        translatedItems.Add(translatedItem);
                    }

                    translated.Add(list, translatedItems);
                }
            }

            slots.Add(translated);
        }

        wording.Add("slots", slots);
        Save(Path.Combine(folder, $"profile.dialog.{Tag}.yaml"), wording);
    }

    private static bool TransformInto(StringBuilder result, ReadOnlySpan<char> text)
    {
        var hasWords = false;
        foreach (var c in text)
        {
            if (c is >= 'a' and <= 'z')
            {
                result.Append(Lower[c - 'a']);
                hasWords = true;
            }
            else if (c is >= 'A' and <= 'Z')
            {
                result.Append(Upper[c - 'A']);
                hasWords = true;
            }
            else if (c == ' ')
            {
                result.Append('\u2002');
            }
            else if (c is > ' ' and <= '~' && !IsMarkup(c))
            {
                // The full-width form of digits and punctuation: "4" is "４", "," is "，".
                result.Append((char)(c + 0xFEE0));
            }
            else
            {
                result.Append(c);
            }
        }

        return hasWords;
    }

    // Markdown markers keep their meaning; '{' and '}' only occur in placeholders, which are kept whole.
    private static bool IsMarkup(char c) => c is '*' or '_' or '[' or ']' or '\\' or '#' or '{' or '}';

    private static YamlNode TransformTree(YamlNode node, HashSet<string> vocabulary) => node switch
    {
        YamlScalarNode { Value: { } text } => new YamlScalarNode(Transform(text)) { Style = YamlDotNet.Core.ScalarStyle.DoubleQuoted },
        YamlSequenceNode sequence => new YamlSequenceNode(sequence.Children.Select(child => TransformTree(child, vocabulary))),
        YamlMappingNode mapping => new YamlMappingNode(mapping.Children.Select(pair =>
            new KeyValuePair<YamlNode, YamlNode>(pair.Key, vocabulary.Contains(((YamlScalarNode)pair.Key).Value!) ? pair.Value : TransformTree(pair.Value, vocabulary)))),
        _ => node,
    };

    private static YamlMappingNode Load(string path)
    {
        var stream = new YamlStream();
        using var reader = File.OpenText(path);
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static void Save(string path, YamlNode root)
    {
        using var writer = File.CreateText(path);
        new YamlStream(new YamlDocument(root)).Save(writer, assignAnchors: false);
    }

    // Placeholders, markdown link targets and bare URLs: data positions, never wording.
    [GeneratedRegex(@"\{[A-Za-z]+\}|\]\([^)]*\)|https?://[^\s)]+")]
    private static partial Regex Kept();
}

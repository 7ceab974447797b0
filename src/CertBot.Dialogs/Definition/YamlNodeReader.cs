using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace CertBot.Dialogs.Definition;

/// <summary>Typed reads from a YAML node tree that fail with the file:line:column of the offending node.</summary>
internal sealed class YamlNodeReader(string source)
{
    public string Source { get; } = source;

    public DialogDefinitionException Error(YamlNode node, string problem) =>
        new(Source, node.Start.Line, node.Start.Column, problem);

    public YamlMappingNode Mapping(YamlNode node, string what) =>
        node as YamlMappingNode ?? throw Error(node, $"{what} must be a mapping (key: value)");

    public YamlSequenceNode Sequence(YamlNode node, string what) =>
        node as YamlSequenceNode ?? throw Error(node, $"{what} must be a list");

    public static YamlNode? Optional(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public YamlNode Required(YamlMappingNode map, string key, string what) =>
        Optional(map, key) ?? throw Error(map, $"{what} is missing '{key}'");

    public string Scalar(YamlNode node, string what)
    {
        if (node is not YamlScalarNode scalar || string.IsNullOrWhiteSpace(scalar.Value))
        {
            throw Error(node, $"{what} must be a non-empty text value");
        }

        return scalar.Value.Trim();
    }

    public string RequiredString(YamlMappingNode map, string key, string what) =>
        Scalar(Required(map, key, what), $"{what} '{key}'");

    /// <summary>A text whose spaces count (a separator such as ", "): kept exactly as written; only an empty value is an error.</summary>
    public string RequiredVerbatim(YamlMappingNode map, string key, string what)
    {
        var node = Required(map, key, what);
        return node is YamlScalarNode { Value: { Length: > 0 } text } ? text : throw Error(node, $"{what} '{key}' must be a non-empty text value");
    }

    public string? OptionalString(YamlMappingNode map, string key, string what)
    {
        var node = Optional(map, key);
        return node is null ? null : Scalar(node, $"{what} '{key}'");
    }

    public double Number(YamlNode node, string what)
    {
        var text = Scalar(node, what);
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            throw Error(node, $"{what} must be a number, not '{text}'");
        }

        return value;
    }

    public bool Boolean(YamlNode node, string what)
    {
        var text = Scalar(node, what);
        return text switch
        {
            "true" => true,
            "false" => false,
            _ => throw Error(node, $"{what} must be true or false, not '{text}'"),
        };
    }

    public IReadOnlyList<string> Strings(YamlNode node, string what)
    {
        var list = Sequence(node, what);
        var result = new List<string>(list.Children.Count);
        foreach (var item in list.Children)
        {
            result.Add(Scalar(item, $"an entry of {what}"));
        }

        return result;
    }

    public IReadOnlyList<string> OptionalStrings(YamlMappingNode map, string key, string what)
    {
        var node = Optional(map, key);
        return node is null ? [] : Strings(node, $"{what} '{key}'");
    }
}

using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CertBot.Knowledge.Loading;

/// <summary>Reads typed fields out of YAML nodes, recording every node's position and every problem instead of throwing.</summary>
internal sealed class YamlFieldReader
{
    private readonly List<ValidationIssue> _issues;

    // Where a missing field belongs when the facts and the English text are separate files (null: one file holds both).
    private readonly Func<string, string?>? _missingHint;

    public YamlFieldReader(KnowledgeSourceMap map, List<ValidationIssue> issues, Func<string, string?>? missingHint = null)
    {
        Map = map;
        _issues = issues;
        _missingHint = missingHint;
    }

    public KnowledgeSourceMap Map { get; }

    public void Error(YamlNode node, string message) =>
        _issues.Add(new ValidationIssue(ValidationSeverity.Error, Map.FileOf(node), (int)node.Start.Line, (int)node.Start.Column, message));

    public void Error(Mark mark, string message) =>
        _issues.Add(new ValidationIssue(ValidationSeverity.Error, Map.File, (int)mark.Line, (int)mark.Column, message));

    public void Record(string path, YamlNode node)
    {
        var file = Map.FileOf(node);
        Map.Record(path, new SourcePosition((int)node.Start.Line, (int)node.Start.Column, file == Map.File ? null : file));
    }

    /// <summary>"Missing required field 'answer' in FAQ 'x'.", and where a split knowledge wants it (its English text file).</summary>
    public string Missing(string key, string what) =>
        _missingHint?.Invoke(key) is { } hint ? $"Missing required field '{key}' in {what}; {hint}" : $"Missing required field '{key}' in {what}.";

    /// <summary>Reports keys the schema does not know, which are usually typos of a real field.</summary>
    public void RejectUnknownKeys(YamlMappingNode mapping, string what, params ReadOnlySpan<string> known)
    {
        foreach (var key in mapping.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? string.Empty;
            if (!known.Contains(name))
            {
                Error(key, $"Unknown field '{name}' in {what}; expected one of: {string.Join(", ", known.ToArray())}.");
            }
        }
    }

    public YamlNode? Child(YamlMappingNode mapping, string key, string path)
    {
        if (mapping.Children.TryGetValue(new YamlScalarNode(key), out var node))
        {
            Record(path, node);
            return node;
        }

        return null;
    }

    public YamlMappingNode? Mapping(YamlNode node, string what)
    {
        if (node is YamlMappingNode mapping)
        {
            return mapping;
        }

        Error(node, $"Expected {what} to be a mapping of fields.");
        return null;
    }

    public IReadOnlyList<(YamlNode Node, string Path)> Items(YamlMappingNode parent, string key, string path, bool required, string what)
    {
        var node = Child(parent, key, path);
        if (node is null)
        {
            if (required)
            {
                Error(parent, Missing(key, what));
            }

            return [];
        }

        if (node is YamlScalarNode { Value: null or "" } or YamlScalarNode { Style: ScalarStyle.Plain, Value: "~" or "null" })
        {
            return [];
        }

        if (node is not YamlSequenceNode sequence)
        {
            Error(node, $"Field '{key}' in {what} must be a list.");
            return [];
        }

        var items = new List<(YamlNode, string)>(sequence.Children.Count);
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var itemPath = $"{path}[{i.ToString(CultureInfo.InvariantCulture)}]";
            Record(itemPath, sequence.Children[i]);
            items.Add((sequence.Children[i], itemPath));
        }

        return items;
    }

    public string? OptionalString(YamlMappingNode mapping, string key, string path, string what)
    {
        var node = Child(mapping, key, path);
        if (node is null)
        {
            return null;
        }

        if (node is not YamlScalarNode scalar)
        {
            Error(node, $"Field '{key}' in {what} must be text.");
            return null;
        }

        var value = scalar.Value;
        if (scalar.Style == ScalarStyle.Plain && value is "~" or "null")
        {
            return null;
        }

        return string.IsNullOrWhiteSpace(value) ? null : value;
    }

    public string RequiredString(YamlMappingNode mapping, string key, string path, string what)
    {
        var value = OptionalString(mapping, key, path, what);
        if (value is null)
        {
            var node = Child(mapping, key, path);
            Error(node ?? mapping, node is null
                ? Missing(key, what)
                : $"Field '{key}' in {what} must not be empty.");
            return string.Empty;
        }

        return value;
    }

    public IReadOnlyList<string> StringList(YamlMappingNode mapping, string key, string path, string what, bool required = false)
    {
        var list = new List<string>();
        foreach (var (node, itemPath) in Items(mapping, key, path, required, what))
        {
            if (node is YamlScalarNode { Value: { Length: > 0 } text } && !string.IsNullOrWhiteSpace(text))
            {
                list.Add(text);
            }
            else
            {
                Error(node, $"Each entry of '{key}' in {what} must be non-empty text.");
            }
        }

        return list;
    }

    public T? OptionalEnum<T>(YamlMappingNode mapping, string key, string path, string what, IReadOnlyDictionary<string, T> names)
        where T : struct, Enum
    {
        var text = OptionalString(mapping, key, path, what);
        if (text is null)
        {
            return null;
        }

        if (names.TryGetValue(text, out var value))
        {
            return value;
        }

        Error(Child(mapping, key, path)!, $"Unknown value '{text}' for '{key}' in {what}; expected one of: {string.Join(", ", names.Keys)}.");
        return null;
    }

    public T RequiredEnum<T>(YamlMappingNode mapping, string key, string path, string what, IReadOnlyDictionary<string, T> names)
        where T : struct, Enum
    {
        if (Child(mapping, key, path) is null)
        {
            Error(mapping, Missing(key, what));
            return default;
        }

        return OptionalEnum(mapping, key, path, what, names) ?? default;
    }

    public T EnumValue<T>(YamlNode node, string what, IReadOnlyDictionary<string, T> names)
        where T : struct, Enum
    {
        var text = (node as YamlScalarNode)?.Value ?? string.Empty;
        if (names.TryGetValue(text, out var value))
        {
            return value;
        }

        Error(node, $"Unknown value '{text}' in {what}; expected one of: {string.Join(", ", names.Keys)}.");
        return default;
    }

    public DateOnly? OptionalDate(YamlMappingNode mapping, string key, string path, string what)
    {
        var text = OptionalString(mapping, key, path, what);
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        Error(Child(mapping, key, path)!, $"Field '{key}' in {what} must be a date written yyyy-MM-dd, not '{text}'.");
        return null;
    }

    public DateOnly RequiredDate(YamlMappingNode mapping, string key, string path, string what)
    {
        if (Child(mapping, key, path) is null)
        {
            Error(mapping, Missing(key, what));
            return default;
        }

        return OptionalDate(mapping, key, path, what) ?? default;
    }

    public decimal? OptionalDecimal(YamlMappingNode mapping, string key, string path, string what)
    {
        var text = OptionalString(mapping, key, path, what);
        if (text is null)
        {
            return null;
        }

        if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) && value >= 0)
        {
            return value;
        }

        Error(Child(mapping, key, path)!, $"Field '{key}' in {what} must be a non-negative number, not '{text}'.");
        return null;
    }

    public bool OptionalBool(YamlMappingNode mapping, string key, string path, string what)
    {
        var text = OptionalString(mapping, key, path, what);
        if (text is null)
        {
            return false;
        }

        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        Error(Child(mapping, key, path)!, $"Field '{key}' in {what} must be true or false, not '{text}'.");
        return false;
    }

    public Uri? RequiredHttpsUrl(YamlMappingNode mapping, string key, string path, string what)
    {
        var text = RequiredString(mapping, key, path, what);
        if (text.Length == 0)
        {
            return null;
        }

        if (TryHttpsUrl(text, out var uri))
        {
            return uri;
        }

        Error(Child(mapping, key, path)!, $"Field '{key}' in {what} must be an absolute https URL, not '{text}'.");
        return null;
    }

    public static bool TryHttpsUrl(string text, out Uri? uri) =>
        Uri.TryCreate(text, UriKind.Absolute, out uri)
        && uri.Scheme == Uri.UriSchemeHttps
        && !string.IsNullOrEmpty(uri.Host)
        && uri.Host.Contains('.', StringComparison.Ordinal)
        && !text.Any(char.IsWhiteSpace);
}

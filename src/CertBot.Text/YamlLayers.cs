using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CertBot.Text;

/// <summary>
/// Lays a locale's catalogue file over the English one, key by key: a mapping key the upper file sets replaces the
/// lower one (mappings merge recursively), a key it leaves out falls through. A list of mappings that all carry one of
/// the identity keys (<c>name</c>, <c>value</c>, <c>id</c>) merges item by item on that key, so a translation can
/// override one choice's title without repeating the list; any other list is replaced whole.
/// </summary>
public static class YamlLayers
{
    private static readonly string[] IdentityKeys = ["name", "value", "id"];

    /// <summary>Reads each file and lays them over one another, the first at the bottom.</summary>
    /// <exception cref="InvalidDataException">A file is not valid YAML or its root is not a mapping (file:line:column).</exception>
    public static YamlMappingNode Load(IReadOnlyList<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        if (paths.Count == 0)
        {
            throw new ArgumentException("At least one catalogue file is needed.", nameof(paths));
        }

        var merged = Read(paths[0]);
        for (var i = 1; i < paths.Count; i++)
        {
            merged = (YamlMappingNode)Merge(merged, Read(paths[i]));
        }

        return merged;
    }

    /// <summary>One file's root mapping; an empty file is an empty mapping.</summary>
    public static YamlMappingNode Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var stream = new YamlStream();
        try
        {
            using var reader = File.OpenText(path);
            stream.Load(reader);
        }
        catch (YamlException ex)
        {
            throw new InvalidDataException($"{path}:{ex.Start.Line}:{ex.Start.Column}: {ex.Message}", ex);
        }

        if (stream.Documents.Count == 0)
        {
            return [];
        }

        return stream.Documents[0].RootNode as YamlMappingNode
            ?? throw new InvalidDataException($"{path}:1:1: a catalogue must be a mapping of keys to wording");
    }

    /// <summary>The node <paramref name="upper"/> laid over <paramref name="lower"/>; neither is changed.</summary>
    public static YamlNode Merge(YamlNode lower, YamlNode upper)
    {
        ArgumentNullException.ThrowIfNull(lower);
        ArgumentNullException.ThrowIfNull(upper);
        return (lower, upper) switch
        {
            (YamlMappingNode under, YamlMappingNode over) => MergeMappings(under, over),
            (YamlSequenceNode under, YamlSequenceNode over) when IdentityOf(under, over) is { } key => MergeByIdentity(under, over, key),
            _ => upper,
        };
    }

    /// <summary>The merged tree as YAML text, for readers that deserialize text.</summary>
    public static string ToText(YamlNode root)
    {
        ArgumentNullException.ThrowIfNull(root);
        using var writer = new StringWriter();
        new YamlStream(new YamlDocument(root)).Save(writer, assignAnchors: false);
        return writer.ToString();
    }

    private static YamlMappingNode MergeMappings(YamlMappingNode under, YamlMappingNode over)
    {
        var merged = new YamlMappingNode();
        foreach (var (key, value) in under.Children)
        {
            merged.Add(key, over.Children.TryGetValue(key, out var replacement) ? Merge(value, replacement) : value);
        }

        foreach (var (key, value) in over.Children)
        {
            if (!under.Children.ContainsKey(key))
            {
                merged.Add(key, value);
            }
        }

        return merged;
    }

    private static YamlSequenceNode MergeByIdentity(YamlSequenceNode under, YamlSequenceNode over, string key)
    {
        var overrides = over.Children.Cast<YamlMappingNode>().ToDictionary(item => Identity(item, key)!, StringComparer.Ordinal);
        var merged = new YamlSequenceNode();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in under.Children.Cast<YamlMappingNode>())
        {
            var id = Identity(item, key)!;
            seen.Add(id);
            merged.Add(overrides.TryGetValue(id, out var replacement) ? Merge(item, replacement) : item);
        }

        foreach (var item in over.Children.Cast<YamlMappingNode>().Where(item => !seen.Contains(Identity(item, key)!)))
        {
            merged.Add(item);
        }

        return merged;
    }

    private static string? IdentityOf(YamlSequenceNode under, YamlSequenceNode over)
    {
        var items = under.Children.Concat(over.Children).ToList();
        if (items.Count == 0 || !items.All(item => item is YamlMappingNode))
        {
            return null;
        }

        return IdentityKeys.FirstOrDefault(key => items.All(item => Identity((YamlMappingNode)item, key) is not null));
    }

    private static string? Identity(YamlMappingNode item, string key) =>
        item.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode { Value: { } text } ? text : null;
}

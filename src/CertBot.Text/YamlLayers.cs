using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CertBot.Text;

/// <summary>
/// Lays a locale's catalogue file over the English one, key by key: a mapping key the upper file sets replaces the
/// lower one (mappings merge recursively), a key it leaves out falls through. A list of mappings that all carry one of
/// the identity keys (<c>name</c>, <c>value</c>, <c>id</c>) merges item by item on that key, so a translation can
/// override one choice's title without repeating the list; any other list is replaced whole. A catalogue whose items
/// are named by other keys (the knowledge's learning paths by <c>persona</c>) passes its own identity keys.
/// </summary>
public static class YamlLayers
{
    /// <summary>The keys that name an item of a list, tried in this order: the first one every item carries wins.</summary>
    public static IReadOnlyList<string> CatalogueIdentityKeys { get; } = ["name", "value", "id"];

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
    public static YamlNode Merge(YamlNode lower, YamlNode upper) => Merge(lower, upper, CatalogueIdentityKeys);

    /// <summary>As <see cref="Merge(YamlNode, YamlNode)"/>, with list items named by <paramref name="identityKeys"/>.</summary>
    public static YamlNode Merge(YamlNode lower, YamlNode upper, IReadOnlyList<string> identityKeys)
    {
        ArgumentNullException.ThrowIfNull(lower);
        ArgumentNullException.ThrowIfNull(upper);
        ArgumentNullException.ThrowIfNull(identityKeys);
        return (lower, upper) switch
        {
            (YamlMappingNode under, YamlMappingNode over) => MergeMappings(under, over, identityKeys),
            (YamlSequenceNode under, YamlSequenceNode over) when IdentityOf(under, over, identityKeys) is { } key => MergeByIdentity(under, over, key, identityKeys),
            _ => upper,
        };
    }

    /// <summary>
    /// Lays <paramref name="upper"/> over <paramref name="lower"/> in place, by the same rules as
    /// <see cref="Merge(YamlNode, YamlNode, IReadOnlyList{string})"/>: every node of <paramref name="lower"/> that is not
    /// replaced stays the same object, so the positions a reader reports still point into the lower file, and every
    /// replacing node is <paramref name="upper"/>'s own, pointing into the upper file. Items of one list must not share
    /// an identity in <paramref name="upper"/>.
    /// </summary>
    public static void MergeInto(YamlMappingNode lower, YamlMappingNode upper, IReadOnlyList<string> identityKeys)
    {
        ArgumentNullException.ThrowIfNull(lower);
        ArgumentNullException.ThrowIfNull(upper);
        ArgumentNullException.ThrowIfNull(identityKeys);
        foreach (var (key, value) in upper.Children)
        {
            if (lower.Children.TryGetValue(key, out var existing))
            {
                lower.Children[key] = MergeInPlace(existing, value, identityKeys);
            }
            else
            {
                lower.Children.Add(key, value);
            }
        }
    }

    /// <summary>The merged tree as YAML text, for readers that deserialize text.</summary>
    public static string ToText(YamlNode root)
    {
        ArgumentNullException.ThrowIfNull(root);
        using var writer = new StringWriter();
        new YamlStream(new YamlDocument(root)).Save(writer, assignAnchors: false);
        return writer.ToString();
    }

    private static YamlNode MergeInPlace(YamlNode lower, YamlNode upper, IReadOnlyList<string> identityKeys)
    {
        switch (lower, upper)
        {
            case (YamlMappingNode under, YamlMappingNode over):
                MergeInto(under, over, identityKeys);
                return under;
            case (YamlSequenceNode under, YamlSequenceNode over) when IdentityOf(under, over, identityKeys) is { } key:
                var overrides = over.Children.Cast<YamlMappingNode>().ToDictionary(item => Identity(item, key)!, StringComparer.Ordinal);
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var item in under.Children.Cast<YamlMappingNode>())
                {
                    var id = Identity(item, key)!;
                    seen.Add(id);
                    if (overrides.TryGetValue(id, out var replacement))
                    {
                        MergeInto(item, replacement, identityKeys);
                    }
                }

                foreach (var item in over.Children.Cast<YamlMappingNode>().Where(item => !seen.Contains(Identity(item, key)!)))
                {
                    under.Add(item);
                }

                return under;
            default:
                return upper;
        }
    }

    private static YamlMappingNode MergeMappings(YamlMappingNode under, YamlMappingNode over, IReadOnlyList<string> identityKeys)
    {
        var merged = new YamlMappingNode();
        foreach (var (key, value) in under.Children)
        {
            merged.Add(key, over.Children.TryGetValue(key, out var replacement) ? Merge(value, replacement, identityKeys) : value);
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

    private static YamlSequenceNode MergeByIdentity(YamlSequenceNode under, YamlSequenceNode over, string key, IReadOnlyList<string> identityKeys)
    {
        var overrides = over.Children.Cast<YamlMappingNode>().ToDictionary(item => Identity(item, key)!, StringComparer.Ordinal);
        var merged = new YamlSequenceNode();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in under.Children.Cast<YamlMappingNode>())
        {
            var id = Identity(item, key)!;
            seen.Add(id);
            merged.Add(overrides.TryGetValue(id, out var replacement) ? Merge(item, replacement, identityKeys) : item);
        }

        foreach (var item in over.Children.Cast<YamlMappingNode>().Where(item => !seen.Contains(Identity(item, key)!)))
        {
            merged.Add(item);
        }

        return merged;
    }

    private static string? IdentityOf(YamlSequenceNode under, YamlSequenceNode over, IReadOnlyList<string> identityKeys)
    {
        var items = under.Children.Concat(over.Children).ToList();
        if (items.Count == 0 || !items.All(item => item is YamlMappingNode))
        {
            return null;
        }

        return identityKeys.FirstOrDefault(key => items.All(item => Identity((YamlMappingNode)item, key) is not null));
    }

    private static string? Identity(YamlMappingNode item, string key) =>
        item.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode { Value: { } text } ? text : null;
}

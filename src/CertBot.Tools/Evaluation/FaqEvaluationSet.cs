using YamlDotNet.RepresentationModel;

namespace CertBot.Tools.Evaluation;

/// <summary>A labelled set of chat utterances for measuring the FAQ matcher (YAML: items of utterance + expect, 'none' to abstain, optional tags).</summary>
public sealed class FaqEvaluationSet
{
    /// <summary>Wraps labelled items.</summary>
    public FaqEvaluationSet(IReadOnlyList<FaqEvaluationItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        Items = items;
    }

    /// <summary>The labelled utterances.</summary>
    public IReadOnlyList<FaqEvaluationItem> Items { get; }

    /// <summary>Reads an evaluation file; throws <see cref="InvalidDataException"/> with the position of a malformed item.</summary>
    public static FaqEvaluationSet Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var items = YamlItemList.Load(path);
        var list = new List<FaqEvaluationItem>(items.Children.Count);
        foreach (var node in items.Children)
        {
            if (node is not YamlMappingNode item
                || Text(item, "utterance") is not { } utterance
                || Text(item, "expect") is not { } expect)
            {
                throw new InvalidDataException($"{path}({node.Start.Line},{node.Start.Column}): each item needs 'utterance' and 'expect'.");
            }

            list.Add(new FaqEvaluationItem(utterance, expect == "none" ? null : expect, Tags(item)));
        }

        return new FaqEvaluationSet(list);
    }

    private static string[] Tags(YamlMappingNode item) =>
        item.Children.TryGetValue(new YamlScalarNode("tags"), out var node) && node is YamlSequenceNode tags
            ? [.. tags.Children.OfType<YamlScalarNode>().Select(t => t.Value).OfType<string>()]
            : [];

    private static string? Text(YamlMappingNode item, string key) =>
        item.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode { Value: { Length: > 0 } value }
            ? value
            : null;
}

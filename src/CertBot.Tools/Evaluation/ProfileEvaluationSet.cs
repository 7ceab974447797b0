using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace CertBot.Tools.Evaluation;

/// <summary>
/// A labelled set of one-message profiles (YAML: items of <c>text</c>, <c>expect</c> with role, mlYears, cloud and
/// optionally cloudYears, where a number may be an inclusive <c>[min, max]</c> range, and optional <c>tags</c>).
/// </summary>
public sealed class ProfileEvaluationSet(IReadOnlyList<ProfileEvaluationItem> items)
{
    public IReadOnlyList<ProfileEvaluationItem> Items { get; } = items;

    /// <summary>Reads a set; throws <see cref="InvalidDataException"/> naming the position of a malformed item.</summary>
    public static ProfileEvaluationSet Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var sequence = YamlItemList.Load(path);
        var items = new List<ProfileEvaluationItem>(sequence.Children.Count);
        foreach (var node in sequence.Children)
        {
            if (node is not YamlMappingNode item
                || !item.Children.TryGetValue(new YamlScalarNode("text"), out var textNode) || textNode is not YamlScalarNode { Value: { Length: > 0 } text }
                || !item.Children.TryGetValue(new YamlScalarNode("expect"), out var expectNode) || expectNode is not YamlMappingNode expect)
            {
                throw new InvalidDataException($"{path}({node.Start.Line},{node.Start.Column}): each item needs 'text' and an 'expect' mapping.");
            }

            var expected = new Dictionary<string, ProfileExpectation>(StringComparer.Ordinal);
            foreach (var (key, value) in expect.Children)
            {
                expected[((YamlScalarNode)key).Value!] = value switch
                {
                    YamlScalarNode { Value: { } scalar } => ProfileExpectation.Of(scalar),
                    YamlSequenceNode { Children: [YamlScalarNode { Value: { } min }, YamlScalarNode { Value: { } max }] } =>
                        ProfileExpectation.Between(Number(path, value, min), Number(path, value, max)),
                    _ => throw new InvalidDataException($"{path}({value.Start.Line},{value.Start.Column}): a value or a [min, max] range."),
                };
            }

            var tags = item.Children.TryGetValue(new YamlScalarNode("tags"), out var tagsNode) && tagsNode is YamlSequenceNode tagList
                ? tagList.Children.OfType<YamlScalarNode>().Select(t => t.Value).OfType<string>().ToArray()
                : [];
            items.Add(new ProfileEvaluationItem(text, expected, tags));
        }

        return new ProfileEvaluationSet(items);
    }

    private static double Number(string path, YamlNode node, string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new InvalidDataException($"{path}({node.Start.Line},{node.Start.Column}): '{text}' is not a number.");
}

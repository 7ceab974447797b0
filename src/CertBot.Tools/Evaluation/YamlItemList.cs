using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CertBot.Tools.Evaluation;

/// <summary>A YAML file made of one mapping with an <c>items</c> list (the evaluation sets); malformed files name the position.</summary>
public static class YamlItemList
{
    /// <summary>The <c>items</c> sequence; throws <see cref="InvalidDataException"/> with the file and position when the shape is wrong.</summary>
    public static YamlSequenceNode Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var stream = new YamlStream();
        using (var reader = File.OpenText(path))
        {
            try
            {
                stream.Load(reader);
            }
            catch (YamlException ex)
            {
                throw new InvalidDataException($"{path}({ex.Start.Line},{ex.Start.Column}): {ex.Message}", ex);
            }
        }

        if (stream.Documents.Count == 0
            || stream.Documents[0].RootNode is not YamlMappingNode root
            || !root.Children.TryGetValue(new YamlScalarNode("items"), out var itemsNode)
            || itemsNode is not YamlSequenceNode items)
        {
            throw new InvalidDataException($"{path}: expected a mapping with an 'items' list.");
        }

        return items;
    }
}

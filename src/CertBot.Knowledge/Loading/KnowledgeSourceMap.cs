using YamlDotNet.RepresentationModel;

namespace CertBot.Knowledge.Loading;

/// <summary>
/// Where each node of a knowledge file sits, keyed by a path such as <c>faqs[3].related[1]</c>. When the knowledge is
/// the facts file with text files laid over it, each node also remembers which file it came from, so an issue in a
/// French answer points into knowledge.fr.yaml and one in a date into knowledge.yaml.
/// </summary>
public sealed class KnowledgeSourceMap
{
    private readonly Dictionary<string, SourcePosition> _positions = new(StringComparer.Ordinal);

    // By reference: YamlNode's own equality compares content, and two files hold many equal nodes.
    private readonly Dictionary<YamlNode, string> _origins = new(ReferenceEqualityComparer.Instance);

    /// <summary>Creates an empty map for the named file.</summary>
    public KnowledgeSourceMap(string file)
    {
        File = file;
    }

    /// <summary>The file name used in issues (the facts file).</summary>
    public string File { get; }

    /// <summary>Records the position of the node at <paramref name="path"/>.</summary>
    public void Record(string path, SourcePosition position) => _positions[path] = position;

    /// <summary>Remembers that <paramref name="root"/> and every node under it were read from <paramref name="file"/>.</summary>
    public void RecordFile(YamlNode root, string file)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(file);
        var pending = new Stack<YamlNode>();
        pending.Push(root);
        while (pending.TryPop(out var node))
        {
            _origins[node] = file;
            switch (node)
            {
                case YamlMappingNode mapping:
                    foreach (var (key, value) in mapping.Children)
                    {
                        pending.Push(key);
                        pending.Push(value);
                    }

                    break;
                case YamlSequenceNode sequence:
                    foreach (var child in sequence.Children)
                    {
                        pending.Push(child);
                    }

                    break;
            }
        }
    }

    /// <summary>The file <paramref name="node"/> was read from: the one <see cref="RecordFile"/> named, else <see cref="File"/>.</summary>
    public string FileOf(YamlNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return _origins.GetValueOrDefault(node, File);
    }

    /// <summary>The position of <paramref name="path"/>, or of its nearest recorded ancestor, or 1:1.</summary>
    public SourcePosition Find(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var current = path;
        while (current.Length > 0)
        {
            if (_positions.TryGetValue(current, out var position))
            {
                return position;
            }

            var cut = Math.Max(current.LastIndexOf('.'), current.LastIndexOf('['));
            current = cut <= 0 ? string.Empty : current[..cut];
        }

        return new SourcePosition(1, 1);
    }
}

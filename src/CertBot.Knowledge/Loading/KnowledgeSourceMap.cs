namespace CertBot.Knowledge.Loading;

/// <summary>Where each node of a knowledge file sits, keyed by a path such as <c>faqs[3].related[1]</c>.</summary>
public sealed class KnowledgeSourceMap
{
    private readonly Dictionary<string, SourcePosition> _positions = new(StringComparer.Ordinal);

    /// <summary>Creates an empty map for the named file.</summary>
    public KnowledgeSourceMap(string file)
    {
        File = file;
    }

    /// <summary>The file name used in issues.</summary>
    public string File { get; }

    /// <summary>Records the position of the node at <paramref name="path"/>.</summary>
    public void Record(string path, SourcePosition position) => _positions[path] = position;

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

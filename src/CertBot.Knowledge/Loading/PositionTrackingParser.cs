using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace CertBot.Knowledge.Loading;

/// <summary>Wraps a YAML parser and remembers the end of the last event read, to position errors that carry no mark.</summary>
internal sealed class PositionTrackingParser(IParser inner) : IParser
{
    public Mark LastPosition { get; private set; } = Mark.Empty;

    public ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        var moved = inner.MoveNext();
        if (moved && inner.Current is { } current)
        {
            LastPosition = current.End;
        }

        return moved;
    }
}

using System.Buffers;

namespace CertBot.Text;

/// <summary>
/// A text cut into words by <see cref="WordTokenizer"/> in pooled buffers, so the allocating entry points (words,
/// the normalised text, word spans) pay only for the strings they return. A word cannot be longer than the text, nor
/// can there be more words than characters, so buffers of the text's length always hold all of it.
/// </summary>
internal ref struct CutText
{
    private readonly char[] _buffer;
    private readonly Range[] _words;
    private readonly Range[]? _positions;

    public CutText(string text, bool withPositions)
    {
        var size = Math.Max(text.Length, 1);
        _buffer = ArrayPool<char>.Shared.Rent(size);
        _words = ArrayPool<Range>.Shared.Rent(size);
        _positions = withPositions ? ArrayPool<Range>.Shared.Rent(size) : null;
        Count = WordTokenizer.CutInto(text, _buffer, _words, _positions);
    }

    /// <summary>How many words the text has.</summary>
    public int Count { get; }

    /// <summary>The folded characters of word <paramref name="index"/>.</summary>
    public readonly ReadOnlySpan<char> Word(int index) => _buffer.AsSpan(_words[index]);

    /// <summary>Where word <paramref name="index"/> stood in the text: start inclusive, end exclusive.</summary>
    public readonly (int Start, int End) Position(int index)
    {
        var range = _positions![index];
        return (range.Start.Value, range.End.Value);
    }

    public readonly void Dispose()
    {
        ArrayPool<char>.Shared.Return(_buffer);
        ArrayPool<Range>.Shared.Return(_words);
        if (_positions is not null)
        {
            ArrayPool<Range>.Shared.Return(_positions);
        }
    }
}

using System.Buffers;

namespace CertBot.Protocol.Connector;

/// <summary>
/// A buffer writer that only counts what is written into it: it hands out the same pooled scratch buffer again and
/// again, so measuring a JSON document costs no copy of it.
/// </summary>
internal sealed class CountingBufferWriter : IBufferWriter<byte>, IDisposable
{
    private const int InitialSize = 4096;

    private byte[] _scratch = ArrayPool<byte>.Shared.Rent(InitialSize);

    /// <summary>The bytes written so far.</summary>
    public int Count { get; private set; }

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Count = checked(Count + count);
    }

    public Memory<byte> GetMemory(int sizeHint = 0) => Scratch(sizeHint);

    public Span<byte> GetSpan(int sizeHint = 0) => Scratch(sizeHint);

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_scratch);
        _scratch = [];
    }

    private byte[] Scratch(int sizeHint)
    {
        if (sizeHint > _scratch.Length)
        {
            ArrayPool<byte>.Shared.Return(_scratch);
            _scratch = ArrayPool<byte>.Shared.Rent(sizeHint);
        }

        return _scratch;
    }
}

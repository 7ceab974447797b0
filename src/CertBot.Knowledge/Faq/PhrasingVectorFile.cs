using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace CertBot.Knowledge.Faq;

/// <summary>
/// The on-disk form of <see cref="PhrasingVectorCache"/>: a header naming the format and the model fingerprint the
/// vectors came from, then each phrasing's text and its float32 vector, then a SHA-256 of everything before it, so a
/// damaged file is told from a good one instead of serving a wrong vector. Little-endian throughout.
/// </summary>
internal static class PhrasingVectorFile
{
    private const uint Magic = 0x56504243; // "CBPV"
    private const int FormatVersion = 1;
    private const int HashLength = 32;

    /// <summary>The vectors in the file, or null when it was written for another model fingerprint.</summary>
    /// <exception cref="InvalidDataException">The file is damaged or not such a file.</exception>
    public static Dictionary<string, float[]>? Read(byte[] bytes, string fingerprint)
    {
        if (bytes.Length < HashLength + 16
            || !SHA256.HashData(bytes.AsSpan(0, bytes.Length - HashLength)).AsSpan().SequenceEqual(bytes.AsSpan(bytes.Length - HashLength)))
        {
            throw new InvalidDataException("The file is truncated or damaged (its checksum does not match).");
        }

        var reader = new SpanReader(bytes.AsSpan(0, bytes.Length - HashLength));
        if (reader.UInt32() != Magic || reader.Int32() != FormatVersion)
        {
            throw new InvalidDataException("The file is not a phrasing vector cache of this version.");
        }

        if (!string.Equals(reader.Text(), fingerprint, StringComparison.Ordinal))
        {
            return null;
        }

        var dimensions = reader.Int32();
        var count = reader.Int32();
        if (dimensions <= 0 || count < 0)
        {
            throw new InvalidDataException("The file's header is damaged.");
        }

        var vectors = new Dictionary<string, float[]>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var text = reader.Text();
            vectors[text] = reader.Floats(dimensions);
        }

        return reader.AtEnd ? vectors : throw new InvalidDataException("The file has bytes after its last vector.");
    }

    /// <summary>The file's bytes for <paramref name="vectors"/> (all of one length).</summary>
    public static byte[] Write(string fingerprint, IReadOnlyCollection<KeyValuePair<string, float[]>> vectors)
    {
        var dimensions = vectors.Count == 0 ? 1 : vectors.First().Value.Length;
        using var body = new MemoryStream();
        using (var writer = new BinaryWriter(body, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write(fingerprint);
            writer.Write(dimensions);
            writer.Write(vectors.Count);
            foreach (var (text, vector) in vectors)
            {
                if (vector.Length != dimensions)
                {
                    throw new ArgumentException("Every vector must have the same length.", nameof(vectors));
                }

                writer.Write(text);
                if (BitConverter.IsLittleEndian)
                {
                    writer.Write(MemoryMarshal.AsBytes(vector.AsSpan()));
                }
                else
                {
                    foreach (var value in vector)
                    {
                        writer.Write(value);
                    }
                }
            }
        }

        var hash = SHA256.HashData(body.GetBuffer().AsSpan(0, (int)body.Length));
        body.Write(hash);
        return body.ToArray();
    }

    /// <summary>Reads what <see cref="BinaryWriter"/> wrote, failing with <see cref="InvalidDataException"/> instead of running past the end.</summary>
    private ref struct SpanReader(ReadOnlySpan<byte> bytes)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;
        private int _at;

        public readonly bool AtEnd => _at == _bytes.Length;

        public uint UInt32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4));

        public int Int32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

        public string Text()
        {
            // BinaryWriter's 7-bit encoded length prefix.
            var length = 0;
            for (var shift = 0; ; shift += 7)
            {
                if (shift > 28)
                {
                    throw new InvalidDataException("A text length in the file is damaged.");
                }

                var b = Take(1)[0];
                length |= (b & 0x7F) << shift;
                if ((b & 0x80) == 0)
                {
                    break;
                }
            }

            return Encoding.UTF8.GetString(Take(length));
        }

        public float[] Floats(int count)
        {
            var bytes = Take(checked(count * sizeof(float)));
            var values = new float[count];
            for (var i = 0; i < count; i++)
            {
                values[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes[(i * sizeof(float))..]);
            }

            return values;
        }

        private ReadOnlySpan<byte> Take(int length)
        {
            if (length < 0 || length > _bytes.Length - _at)
            {
                throw new InvalidDataException("The file ends in the middle of an entry.");
            }

            var slice = _bytes.Slice(_at, length);
            _at += length;
            return slice;
        }
    }
}

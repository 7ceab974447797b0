using System.Buffers.Binary;
using System.IO.Compression;

namespace CertBot.Packaging;

/// <summary>The parts of a PNG file the Teams icon rules care about: size, and for the outline icon the pixels.</summary>
/// <param name="Width">Width in pixels from IHDR.</param>
/// <param name="Height">Height in pixels from IHDR.</param>
/// <param name="BitDepth">Bits per sample from IHDR.</param>
/// <param name="ColorType">PNG colour type from IHDR (0 grey, 2 RGB, 3 palette, 4 grey+alpha, 6 RGBA).</param>
/// <param name="Interlaced">True when the image uses Adam7 interlacing.</param>
public sealed record PngImage(int Width, int Height, int BitDepth, int ColorType, bool Interlaced)
{
    private static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Reads the IHDR chunk; throws <see cref="InvalidDataException"/> when the bytes are not a PNG.</summary>
    public static PngImage ReadHeader(ReadOnlySpan<byte> png)
    {
        if (png.Length < 33 || !png[..8].SequenceEqual(Signature))
        {
            throw new InvalidDataException("not a PNG file (bad signature)");
        }

        var length = BinaryPrimitives.ReadInt32BigEndian(png[8..]);
        if (length != 13 || !png.Slice(12, 4).SequenceEqual("IHDR"u8))
        {
            throw new InvalidDataException("not a PNG file (the first chunk is not IHDR)");
        }

        var header = png.Slice(16, 13);
        return new PngImage(
            BinaryPrimitives.ReadInt32BigEndian(header),
            BinaryPrimitives.ReadInt32BigEndian(header[4..]),
            header[8],
            header[9],
            header[12] != 0);
    }

    /// <summary>
    /// Decodes 8-bit non-interlaced RGBA, grey+alpha, RGB, grey or palette images to RGBA, row by row.
    /// Returns null for layouts this reader does not handle (16-bit, sub-byte palettes, interlacing).
    /// </summary>
    public static byte[]? DecodeRgba(ReadOnlySpan<byte> png)
    {
        var image = ReadHeader(png);
        var channels = image.ColorType switch { 0 => 1, 2 => 3, 3 => 1, 4 => 2, 6 => 4, _ => 0 };
        if (image.BitDepth != 8 || image.Interlaced || channels == 0)
        {
            return null;
        }

        using var compressed = new MemoryStream();
        byte[]? palette = null;
        byte[]? paletteAlpha = null;
        var offset = 8;
        while (offset + 12 <= png.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png[offset..]);
            if (length < 0 || offset + 12 + length > png.Length)
            {
                throw new InvalidDataException("truncated PNG chunk");
            }

            var type = png.Slice(offset + 4, 4);
            var data = png.Slice(offset + 8, length);
            if (type.SequenceEqual("IDAT"u8))
            {
                compressed.Write(data);
            }
            else if (type.SequenceEqual("PLTE"u8))
            {
                palette = data.ToArray();
            }
            else if (type.SequenceEqual("tRNS"u8))
            {
                paletteAlpha = data.ToArray();
            }
            else if (type.SequenceEqual("IEND"u8))
            {
                break;
            }

            offset += 12 + length;
        }

        var stride = image.Width * channels;
        var raw = Inflate(compressed, (stride + 1) * image.Height);
        var pixels = Unfilter(raw, stride, image.Height, channels);
        return ToRgba(pixels, image, channels, palette, paletteAlpha);
    }

    private static byte[] Inflate(MemoryStream compressed, int expectedLength)
    {
        compressed.Position = 0;
        using var zlib = new ZLibStream(compressed, CompressionMode.Decompress);
        var raw = new byte[expectedLength];
        var read = 0;
        while (read < raw.Length)
        {
            var n = zlib.Read(raw, read, raw.Length - read);
            if (n == 0)
            {
                throw new InvalidDataException("PNG image data is shorter than its header says");
            }

            read += n;
        }

        return raw;
    }

    private static byte[] Unfilter(byte[] raw, int stride, int height, int bytesPerPixel)
    {
        var pixels = new byte[stride * height];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            var source = y * (stride + 1) + 1;
            var row = y * stride;
            for (var x = 0; x < stride; x++)
            {
                int left = x >= bytesPerPixel ? pixels[row + x - bytesPerPixel] : 0;
                int up = y > 0 ? pixels[row - stride + x] : 0;
                int upLeft = x >= bytesPerPixel && y > 0 ? pixels[row - stride + x - bytesPerPixel] : 0;
                int predictor = filter switch
                {
                    0 => 0,
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => throw new InvalidDataException($"unknown PNG row filter {filter}"),
                };
                pixels[row + x] = (byte)(raw[source + x] + predictor);
            }
        }

        return pixels;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var pa = Math.Abs(p - a);
        var pb = Math.Abs(p - b);
        var pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static byte[] ToRgba(byte[] pixels, PngImage image, int channels, byte[]? palette, byte[]? paletteAlpha)
    {
        var count = image.Width * image.Height;
        var rgba = new byte[count * 4];
        for (var i = 0; i < count; i++)
        {
            var s = i * channels;
            var d = i * 4;
            switch (image.ColorType)
            {
                case 6:
                    Array.Copy(pixels, s, rgba, d, 4);
                    break;
                case 4:
                    rgba[d] = rgba[d + 1] = rgba[d + 2] = pixels[s];
                    rgba[d + 3] = pixels[s + 1];
                    break;
                case 2:
                    Array.Copy(pixels, s, rgba, d, 3);
                    rgba[d + 3] = 255;
                    break;
                case 0:
                    rgba[d] = rgba[d + 1] = rgba[d + 2] = pixels[s];
                    rgba[d + 3] = 255;
                    break;
                default:
                    var index = pixels[s];
                    if (palette is null || (index * 3) + 2 >= palette.Length)
                    {
                        throw new InvalidDataException("PNG palette index out of range");
                    }

                    Array.Copy(palette, index * 3, rgba, d, 3);
                    rgba[d + 3] = paletteAlpha is not null && index < paletteAlpha.Length ? paletteAlpha[index] : (byte)255;
                    break;
            }
        }

        return rgba;
    }
}

using StbImageWriteSharp;

namespace CertBot.Tools.Tests.Packaging;

/// <summary>Small RGBA PNGs for the icon tests, encoded by stb_image_write.</summary>
internal static class TestPng
{
    public static byte[] Create(int width, int height, Func<int, int, (byte R, byte G, byte B, byte A)> pixel)
    {
        var rgba = new byte[width * height * 4];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var (r, g, b, a) = pixel(x, y);
                var i = ((y * width) + x) * 4;
                (rgba[i], rgba[i + 1], rgba[i + 2], rgba[i + 3]) = (r, g, b, a);
            }
        }

        using var png = new MemoryStream();
        new ImageWriter().WritePng(rgba, width, height, ColorComponents.RedGreenBlueAlpha, png);
        return png.ToArray();
    }

    public static byte[] Solid(int width, int height, (byte R, byte G, byte B, byte A) colour) =>
        Create(width, height, (_, _) => colour);
}

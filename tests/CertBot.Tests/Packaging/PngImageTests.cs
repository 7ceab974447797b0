using CertBot.Packaging;

namespace CertBot.Tests.Packaging;

public sealed class PngImageTests
{
    [Theory]
    [InlineData(192, 192)]
    [InlineData(32, 17)]
    public void ReadHeader_ValidPng_ReturnsIhdrSize(int width, int height)
    {
        var image = PngImage.ReadHeader(TestPng.Solid(width, height, (1, 2, 3, 4)));

        Assert.Equal((width, height, 8, 6, false), (image.Width, image.Height, image.BitDepth, image.ColorType, image.Interlaced));
    }

    [Fact]
    public void ReadHeader_NotPng_ThrowsInvalidData()
    {
        Assert.Throws<InvalidDataException>(() => PngImage.ReadHeader(new byte[40]));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void DecodeRgba_EveryRowFilter_RoundTripsPixels(byte filter)
    {
        static (byte, byte, byte, byte) Pixel(int x, int y) => ((byte)(x * 37), (byte)(y * 53), (byte)((x + y) * 11), (byte)(255 - (x * y)));
        var png = TestPng.Create(9, 7, Pixel, filter);

        var rgba = PngImage.DecodeRgba(png);

        Assert.NotNull(rgba);
        for (var y = 0; y < 7; y++)
        {
            for (var x = 0; x < 9; x++)
            {
                var i = ((y * 9) + x) * 4;
                Assert.Equal(Pixel(x, y), (rgba[i], rgba[i + 1], rgba[i + 2], rgba[i + 3]));
            }
        }
    }

    [Fact]
    public void DecodeRgba_ShippedOutlineIcon_IsOnlyWhiteOrTransparent()
    {
        var rgba = PngImage.DecodeRgba(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "manifest", "outline.png")));

        Assert.NotNull(rgba);
        var pixels = rgba.Chunk(4).ToArray();
        Assert.All(pixels, p => Assert.True(p[3] == 0 || (p[0] == 255 && p[1] == 255 && p[2] == 255)));
        Assert.Contains(pixels, p => p[3] == 255);
        Assert.Contains(pixels, p => p[3] == 0);
    }
}

using System.IO.Compression;
using System.Text.Json;
using CertBot.Tools.Packaging;

namespace CertBot.Tools.Tests.Packaging;

public sealed class AppPackageBuilderTests : IDisposable
{
    private readonly ManifestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private AppPackageRequest Request(string appId = ManifestFolder.AppId, string botId = ManifestFolder.BotId) =>
        new(_folder.Directory, appId, botId, _folder.ZipPath);

    [Fact]
    public void Build_ShippedManifest_PutsManifestAndIconsAtZipRoot()
    {
        var result = AppPackageBuilder.Build(Request());

        using var zip = ZipFile.OpenRead(result.PackagePath);
        var names = zip.Entries.Select(entry => entry.FullName).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(new[] { "color.png", "manifest.json", "outline.png" }, names);
        Assert.Equal(names.Order(StringComparer.Ordinal), result.Entries.Order(StringComparer.Ordinal));
        Assert.Equal(Path.GetFullPath(_folder.ZipPath), result.PackagePath);
    }

    [Fact]
    public void Build_ShippedManifest_ReplacesEveryIdPlaceholder()
    {
        var result = AppPackageBuilder.Build(Request());

        using var zip = ZipFile.OpenRead(result.PackagePath);
        using var reader = new StreamReader(zip.GetEntry("manifest.json")!.Open());
        var text = reader.ReadToEnd();
        Assert.DoesNotContain("{{", text, StringComparison.Ordinal);
        using var manifest = JsonDocument.Parse(text);
        var root = manifest.RootElement;
        Assert.Equal(ManifestFolder.AppId, root.GetProperty("id").GetString());
        Assert.Equal(ManifestFolder.BotId, root.GetProperty("bots")[0].GetProperty("botId").GetString());
        Assert.Equal(ManifestFolder.BotId, root.GetProperty("composeExtensions")[0].GetProperty("botId").GetString());
        Assert.Equal(root.GetProperty("manifestVersion").GetString(), result.ManifestVersion);
    }

    [Fact]
    public void Build_IconsInZip_AreByteIdenticalToSources()
    {
        var result = AppPackageBuilder.Build(Request());

        using var zip = ZipFile.OpenRead(result.PackagePath);
        foreach (var icon in new[] { "color.png", "outline.png" })
        {
            using var copy = new MemoryStream();
            using (var entry = zip.GetEntry(icon)!.Open())
            {
                entry.CopyTo(copy);
            }

            Assert.Equal(File.ReadAllBytes(Path.Combine(_folder.Directory, icon)), copy.ToArray());
        }
    }

    [Fact]
    public void Build_UpperCaseGuids_AreNormalisedToLowerCase()
    {
        AppPackageBuilder.Build(Request(ManifestFolder.AppId.ToUpperInvariant(), ManifestFolder.BotId.ToUpperInvariant()));

        using var zip = ZipFile.OpenRead(_folder.ZipPath);
        using var reader = new StreamReader(zip.GetEntry("manifest.json")!.Open());
        Assert.Contains(ManifestFolder.AppId, reader.ReadToEnd(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not-a-guid", ManifestFolder.BotId, "AppId")]
    [InlineData("", ManifestFolder.BotId, "AppId")]
    [InlineData("00000000-0000-0000-0000-000000000000", ManifestFolder.BotId, "AppId")]
    [InlineData(ManifestFolder.AppId, "1c2d3e4f5a6b4c7d8e9f0a1b2c3d4e5f", "BotId")]
    [InlineData(ManifestFolder.AppId, "{{BOT_ID}}", "BotId")]
    public void Build_BadGuid_ThrowsNamingTheArgument(string appId, string botId, string argument)
    {
        var ex = Assert.Throws<ArgumentException>(() => AppPackageBuilder.Build(Request(appId, botId)));

        Assert.Equal(argument, ex.ParamName);
        Assert.Contains(argument, ex.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(_folder.ZipPath));
    }

    [Theory]
    [InlineData("color.png")]
    [InlineData("outline.png")]
    public void Build_MissingIcon_ThrowsNamingTheIcon(string icon)
    {
        File.Delete(Path.Combine(_folder.Directory, icon));

        var ex = Assert.Throws<AppPackageException>(() => AppPackageBuilder.Build(Request()));

        Assert.Contains(icon, ex.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(_folder.ZipPath));
    }

    [Theory]
    [InlineData("color.png", 96, 96, "192x192")]
    [InlineData("color.png", 192, 191, "192x192")]
    [InlineData("outline.png", 192, 192, "32x32")]
    [InlineData("outline.png", 32, 16, "32x32")]
    public void Build_WrongIconSize_ThrowsWithActualAndRequiredSize(string icon, int width, int height, string required)
    {
        _folder.Write(icon, TestPng.Solid(width, height, (255, 255, 255, 0)));

        var ex = Assert.Throws<AppPackageException>(() => AppPackageBuilder.Build(Request()));

        Assert.Contains($"{width}x{height}", ex.Message, StringComparison.Ordinal);
        Assert.Contains(required, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_IconThatIsNotPng_Throws()
    {
        _folder.Write("color.png", "GIF89a not really a png"u8.ToArray());

        var ex = Assert.Throws<AppPackageException>(() => AppPackageBuilder.Build(Request()));

        Assert.Contains("not a PNG", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_OutlineWithColouredPixel_ThrowsNamingThePixel()
    {
        _folder.Write("outline.png", TestPng.Create(
            32,
            32,
            (x, y) => x == 5 && y == 7 ? ((byte)10, (byte)20, (byte)250, (byte)255) : ((byte)255, (byte)255, (byte)255, (byte)(x * 8))));

        var ex = Assert.Throws<AppPackageException>(() => AppPackageBuilder.Build(Request()));

        Assert.Contains("pixel (5,7) is rgba(10,20,250,255)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_TruncatedOutlinePng_ThrowsCannotBeDecoded()
    {
        var png = TestPng.Solid(32, 32, (255, 255, 255, 0));
        _folder.Write("outline.png", png[..40]);

        var ex = Assert.Throws<AppPackageException>(() => AppPackageBuilder.Build(Request()));

        Assert.Contains("outline.png", ex.Message, StringComparison.Ordinal);
        Assert.Contains("cannot be decoded", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_OutlineWhiteWithPartialAlpha_IsAccepted()
    {
        _folder.Write("outline.png", TestPng.Create(32, 32, (x, _) => (255, 255, 255, (byte)(x * 8))));

        var result = AppPackageBuilder.Build(Request());

        Assert.True(File.Exists(result.PackagePath));
    }

    [Fact]
    public void Build_ManifestVersionDiffersFromSchema_Throws()
    {
        _folder.EditManifest(text => text.Replace("\"manifestVersion\": \"1.29\"", "\"manifestVersion\": \"1.24\"", StringComparison.Ordinal));

        var ex = Assert.Throws<AppPackageException>(() => AppPackageBuilder.Build(Request()));

        Assert.Contains("1.24", ex.Message, StringComparison.Ordinal);
        Assert.Contains("v1.29", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ManifestNotJson_Throws()
    {
        _folder.EditManifest(text => text + "}");

        var ex = Assert.Throws<AppPackageException>(() => AppPackageBuilder.Build(Request()));

        Assert.Contains("not valid JSON", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_UnknownPlaceholder_Throws()
    {
        _folder.EditManifest(text => text.Replace("\"version\": \"1.0.0\"", "\"version\": \"{{VERSION}}\"", StringComparison.Ordinal));

        var ex = Assert.Throws<AppPackageException>(() => AppPackageBuilder.Build(Request()));

        Assert.Contains("{{VERSION}}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_IconPathLeavesManifestFolder_Throws()
    {
        _folder.EditManifest(text => text.Replace("\"color\": \"color.png\"", "\"color\": \"../color.png\"", StringComparison.Ordinal));

        var ex = Assert.Throws<AppPackageException>(() => AppPackageBuilder.Build(Request()));

        Assert.Contains("icons.color", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_NoManifest_Throws()
    {
        File.Delete(_folder.ManifestPath);

        Assert.Throws<AppPackageException>(() => AppPackageBuilder.Build(Request()));
    }

    [Fact]
    public void Build_ExistingZip_IsReplacedWithSameBytesForSameInputs()
    {
        AppPackageBuilder.Build(Request());
        var first = File.ReadAllBytes(_folder.ZipPath);

        AppPackageBuilder.Build(Request());

        Assert.Equal(first, File.ReadAllBytes(_folder.ZipPath));
        Assert.False(File.Exists(_folder.ZipPath + ".tmp"));
    }
}

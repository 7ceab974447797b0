using System.IO.Compression;
using CertBot.Tools.Packaging;

namespace CertBot.Tools.Tests.Packaging;

public sealed class PackageCommandTests : IDisposable
{
    private readonly ManifestFolder _folder = new();
    private readonly StringWriter _stdout = new();
    private readonly StringWriter _stderr = new();

    public void Dispose()
    {
        _folder.Dispose();
        _stdout.Dispose();
        _stderr.Dispose();
    }

    private Task<int> RunAsync(params string[] args) => PackageCommand.RunAsync(args, _stdout, _stderr);

    [Fact]
    public async Task RunAsync_ValidArguments_WritesZipAndPrintsPath()
    {
        var exit = await RunAsync("--app-id", ManifestFolder.AppId, "--bot-id", ManifestFolder.BotId, "--out", _folder.ZipPath, "--manifest-dir", _folder.Directory);

        Assert.Equal(0, exit);
        Assert.Equal(Path.GetFullPath(_folder.ZipPath), Lines(_stdout).Last());
        using var zip = ZipFile.OpenRead(_folder.ZipPath);
        Assert.NotNull(zip.GetEntry("manifest.json"));
    }

    [Fact]
    public async Task RunAsync_ValidArguments_PrintsEveryFieldItFilledIn()
    {
        var exit = await RunAsync("--app-id", ManifestFolder.AppId, "--bot-id", ManifestFolder.BotId, "--out", _folder.ZipPath, "--manifest-dir", _folder.Directory);

        Assert.Equal(0, exit);
        var lines = Lines(_stdout);
        Assert.Contains(lines, l => l.Trim().StartsWith("id ", StringComparison.Ordinal) && l.EndsWith(ManifestFolder.AppId, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Trim().StartsWith("bots[0].botId ", StringComparison.Ordinal) && l.EndsWith(ManifestFolder.BotId, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Trim().StartsWith("composeExtensions[0].botId ", StringComparison.Ordinal) && l.EndsWith(ManifestFolder.BotId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_ShippedManifest_WarnsAboutEachPlaceholderUrl()
    {
        var exit = await RunAsync("--app-id", ManifestFolder.AppId, "--bot-id", ManifestFolder.BotId, "--out", _folder.ZipPath, "--manifest-dir", _folder.Directory);

        Assert.Equal(0, exit);
        var warning = _stderr.ToString();
        Assert.StartsWith("warning:", warning, StringComparison.Ordinal);
        Assert.Contains(_folder.ManifestPath, warning, StringComparison.Ordinal);
        foreach (var field in new[] { "developer.websiteUrl", "developer.privacyUrl", "developer.termsOfUseUrl" })
        {
            Assert.Contains(Lines(_stderr), l => l.Trim().StartsWith(field + " ", StringComparison.Ordinal) && l.Contains("example.com", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task RunAsync_RealUrls_NoWarning()
    {
        _folder.EditManifest(text => text.Replace("certbot.example.com", "certbot.contoso.net", StringComparison.Ordinal));

        var exit = await RunAsync("--app-id", ManifestFolder.AppId, "--bot-id", ManifestFolder.BotId, "--out", _folder.ZipPath, "--manifest-dir", _folder.Directory);

        Assert.Equal(0, exit);
        Assert.Empty(_stderr.ToString());
    }

    private static List<string> Lines(StringWriter writer) =>
        writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();

    [Fact]
    public async Task RunAsync_NoManifestDir_UsesManifestBesideBinary()
    {
        var exit = await RunAsync("--app-id", ManifestFolder.AppId, "--bot-id", ManifestFolder.BotId, "--out", _folder.ZipPath);

        Assert.Equal(0, exit);
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "manifest"), PackageCommand.DefaultManifestDirectory());
    }

    [Theory]
    [InlineData("--bot-id", ManifestFolder.BotId)]
    [InlineData("--app-id", ManifestFolder.AppId)]
    public async Task RunAsync_MissingRequiredId_ExitsTwoNamingIt(string given, string value)
    {
        var missing = given == "--app-id" ? "--bot-id" : "--app-id";

        var exit = await RunAsync(given, value, "--out", _folder.ZipPath);

        Assert.Equal(2, exit);
        Assert.Contains(missing, _stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("usage:", _stderr.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(_folder.ZipPath));
    }

    [Theory]
    [InlineData("--app-id", "12345")]
    [InlineData("--bot-id", "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz")]
    public async Task RunAsync_BadGuid_ExitsTwoNamingTheOption(string option, string value)
    {
        var args = new Dictionary<string, string> { ["--app-id"] = ManifestFolder.AppId, ["--bot-id"] = ManifestFolder.BotId };
        args[option] = value;

        var exit = await RunAsync("--app-id", args["--app-id"], "--bot-id", args["--bot-id"], "--out", _folder.ZipPath);

        Assert.Equal(2, exit);
        Assert.Contains(option, _stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains(value, _stderr.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--colour", "blue")]
    [InlineData("--out")]
    [InlineData("--app-id", "--bot-id")]
    public async Task RunAsync_MalformedArguments_ExitsTwo(params string[] args)
    {
        var exit = await RunAsync(args);

        Assert.Equal(2, exit);
        Assert.StartsWith("error:", _stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_RepeatedOption_ExitsTwo()
    {
        var exit = await RunAsync("--app-id", ManifestFolder.AppId, "--app-id", ManifestFolder.AppId, "--bot-id", ManifestFolder.BotId);

        Assert.Equal(2, exit);
        Assert.Contains("more than once", _stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_BrokenIcon_ExitsOneWithReason()
    {
        _folder.Write("color.png", TestPng.Solid(10, 10, (0, 0, 0, 255)));

        var exit = await RunAsync("--app-id", ManifestFolder.AppId, "--bot-id", ManifestFolder.BotId, "--out", _folder.ZipPath, "--manifest-dir", _folder.Directory);

        Assert.Equal(1, exit);
        Assert.Contains("10x10", _stderr.ToString(), StringComparison.Ordinal);
        Assert.Empty(_stdout.ToString());
    }

    [Fact]
    public async Task RunAsync_Help_PrintsUsageAndExitsZero()
    {
        var exit = await RunAsync("--help");

        Assert.Equal(0, exit);
        Assert.Contains("--app-id", _stdout.ToString(), StringComparison.Ordinal);
    }
}

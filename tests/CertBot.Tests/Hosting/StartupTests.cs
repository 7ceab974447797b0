using CertBot.Hosting;

namespace CertBot.Tests.Hosting;

/// <summary>The bot refuses to start on broken content and says why, without a stack trace.</summary>
public sealed class StartupTests
{
    [Fact]
    public async Task RunAsync_InvalidKnowledgeFile_ExitsOneWithReport()
    {
        var path = Path.Combine(Path.GetTempPath(), $"knowledge-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(path, "credentials:\n  - id: x\n    name: [unclosed\n");
        try
        {
            var stderr = new StringWriter();
            var code = await CertBotApp.RunAsync(["--urls", "http://127.0.0.1:0", "--Storage:Provider=Memory", $"--Knowledge:Path={path}"], stderr);

            Assert.Equal(1, code);
            Assert.Contains(path, stderr.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", stderr.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task RunAsync_MissingDialogsFolder_ExitsOneWithMessage()
    {
        var stderr = new StringWriter();
        var code = await CertBotApp.RunAsync(["--urls", "http://127.0.0.1:0", "--Storage:Provider=Memory", "--CertBot:DialogsPath=/nonexistent/dialogs"], stderr);

        Assert.Equal(1, code);
        Assert.Contains("/nonexistent/dialogs", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_PortAlreadyInUse_ExitsOneWithOneClearLine()
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;
        var stderr = new StringWriter();

        var code = await CertBotApp.RunAsync(["--urls", $"http://127.0.0.1:{port}", "--Storage:Provider=Memory", "--Knowledge:Semantic:Enabled=false"], stderr);

        Assert.Equal(1, code);
        var lines = stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.Contains("--urls", lines[0], StringComparison.Ordinal);
        Assert.Contains(port.ToString(System.Globalization.CultureInfo.InvariantCulture), lines[0], StringComparison.Ordinal);
    }
}

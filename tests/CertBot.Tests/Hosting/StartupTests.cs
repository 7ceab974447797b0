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
}

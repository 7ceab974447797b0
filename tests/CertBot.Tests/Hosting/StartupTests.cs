using System.Diagnostics;
using System.Globalization;
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

    [Fact]
    public async Task Process_PortAlreadyInUse_OneLineOnStderrAndNoHostStackTrace()
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);

        var (code, stdout, stderr) = await RunBotProcessAsync("--urls", $"http://127.0.0.1:{port}", "--Storage:Provider=Memory", "--Knowledge:Semantic:Enabled=false");

        Assert.Equal(1, code);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(port, line, StringComparison.Ordinal);
        Assert.DoesNotContain("Hosting failed to start", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stdout + stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_SecretIdInsteadOfValue_ExitsOneWithTheMistakeNamed()
    {
        var (code, stdout, stderr) = await RunBotProcessAsync(
            "--urls", "http://127.0.0.1:0", "--Storage:Provider=Memory", "--Knowledge:Semantic:Enabled=false",
            "--MicrosoftAppId=6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b", "--MicrosoftAppPassword=0b7a4f2e-1c3d-4e5f-9a8b-7c6d5e4f3a2b");

        Assert.Equal(1, code);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("CertBot cannot start: its settings are invalid", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Contains("Secret ID, not its Value", StringComparison.Ordinal));
        Assert.DoesNotContain("0b7a4f2e-1c3d-4e5f-9a8b-7c6d5e4f3a2b", stderr + stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stdout + stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--MicrosoftAppId=my-bot", "--MicrosoftAppPassword=s3cr~et", "MicrosoftAppId is not a GUID")]
    [InlineData("--MicrosoftAppId=6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b", "--MicrosoftAppType=SingleTenant", "MicrosoftAppTenantId is required")]
    public async Task RunAsync_InvalidRegistrationSettings_ExitsOneWithOneLinePerMistake(string first, string second, string expected)
    {
        var stderr = new StringWriter();

        var code = await CertBotApp.RunAsync(["--urls", "http://127.0.0.1:0", "--Storage:Provider=Memory", "--Knowledge:Semantic:Enabled=false", first, second], stderr);

        Assert.Equal(1, code);
        Assert.Contains(stderr.ToString().Split('\n'), l => l.StartsWith("  - ", StringComparison.Ordinal) && l.Contains(expected, StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", stderr.ToString(), StringComparison.Ordinal);
    }

    // The bot as an operator starts it: its own process, its own console logger, exit code and both streams.
    private static async Task<(int Code, string Stdout, string Stderr)> RunBotProcessAsync(params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CertBot.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}

using CertBot.Cli;

namespace CertBot.Tests.Cli;

/// <summary>The CLI as an operator or curator uses it: arguments in, text and exit code out.</summary>
public sealed class CommandLineTests
{
    [Fact]
    public async Task ValidateKnowledge_ShippedFile_ExitsZero()
    {
        var (code, stdout, _) = await RunAsync("validate-knowledge");
        Assert.True(code == 0, stdout);
    }

    [Fact]
    public async Task ValidateKnowledge_BrokenFile_ReportsLineAndExitsOne()
    {
        var shipped = await File.ReadAllTextAsync(KnowledgePath.Resolve(null));
        var broken = shipped.Replace("id: aws-mla-c01", "id: google-pmle", StringComparison.Ordinal);
        var path = Path.Combine(Path.GetTempPath(), $"knowledge-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(path, broken);
        try
        {
            var (code, stdout, _) = await RunAsync("validate-knowledge", path);
            Assert.Equal(1, code);
            Assert.Contains("google-pmle", stdout, StringComparison.Ordinal);
            Assert.Matches(@"\(\d+,\d+\): error", stdout);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task ValidateKnowledge_MissingFile_ClearErrorExitTwo()
    {
        var (code, _, stderr) = await RunAsync("validate-knowledge", "/nonexistent/knowledge.yaml");
        Assert.Equal(2, code);
        Assert.Contains("not found", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCommand_PrintsUsageExitTwo()
    {
        var (code, _, stderr) = await RunAsync("frobnicate");
        Assert.Equal(2, code);
        Assert.Contains("unknown command", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_FullConversation_ShowsCardsAsTextAndButtonsAsNumbers()
    {
        var storage = Path.Combine(Path.GetTempPath(), $"certbot-chat-{Guid.NewGuid():N}.db");
        // Welcome card: [1] Get a recommendation. Then the role question, answered by number, and free text.
        var input = new StringReader("1\n2\n4 years\nazure\n/quit\n");
        var output = new StringWriter();
        var code = await ChatCommand.RunAsync([$"--Storage:SqlitePath={storage}"], input, output);
        var text = output.ToString();

        Assert.Equal(0, code);
        Assert.Contains("[1] Get a recommendation", text, StringComparison.Ordinal);
        Assert.Contains("Data scientist moving into engineering", text, StringComparison.Ordinal);
        Assert.Contains("AI-103", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"type\"", text, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await CommandLine.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}

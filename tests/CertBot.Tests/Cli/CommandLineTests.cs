using CertBot.Cli;
using CertBot.Tools;

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
        var folder = CopyShippedKnowledge();
        var path = Path.Combine(folder.FullName, "knowledge.yaml");
        await File.WriteAllTextAsync(path, (await File.ReadAllTextAsync(path)).Replace("id: aws-mla-c01", "id: google-pmle", StringComparison.Ordinal));
        try
        {
            var (code, stdout, _) = await RunAsync("validate-knowledge", path);
            Assert.Equal(1, code);
            Assert.Contains("google-pmle", stdout, StringComparison.Ordinal);
            Assert.Matches(@"knowledge\.yaml\(\d+,\d+\): error", stdout);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task ValidateKnowledge_TranslationSetsAFact_ReportsItsLineAndExitsOne()
    {
        var folder = CopyShippedKnowledge();
        var french = Path.Combine(folder.FullName, "knowledge.fr.yaml");
        await File.WriteAllTextAsync(french, "credentials:\n  - id: google-pmle\n    name: Ingénieur ML de Google Cloud\n    fee: EUR 180\n");
        try
        {
            var (code, stdout, _) = await RunAsync("validate-knowledge", Path.Combine(folder.FullName, "knowledge.yaml"));
            Assert.Equal(1, code);
            Assert.Contains($"{french}(4,5): error: 'fee' of credential 'google-pmle' is not text", stdout, StringComparison.Ordinal);
            Assert.Contains("1 error(s)", stdout, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
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
    public async Task ProfileEval_EvaluationSet_ScoresFullAndPartialProfiles()
    {
        var set = Path.Combine(Path.GetTempPath(), $"profiles-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(set, """
            items:
              - text: "DS, 4 yrs, we're an AWS shop"
                expect: { role: data-scientist, mlYears: 4, cloud: aws }
              - text: "backend dev, zero ML so far"
                expect: { role: software-engineer, mlYears: [0, 0] }
                tags: [partial]
              - text: "what is the capital of peru"
                expect: { role: ml-practitioner, mlYears: 3, cloud: gcp }
            """);
        try
        {
            var (code, stdout, stderr) = await RunAsync("profile-eval", set);
            Assert.True(code == 0, stderr);
            // Two of three right: the third states nothing, so it must not be read as the labelled profile.
            Assert.Contains("full profiles, all three facts right : 50.0 %", stdout, StringComparison.Ordinal);
            Assert.Contains("partial profiles right               : 100.0 %", stdout, StringComparison.Ordinal);
            Assert.Contains("capital of peru", stdout, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(set);
        }
    }

    [Fact]
    public async Task ProfileEval_MalformedSet_ClearErrorNoStackTrace()
    {
        var set = Path.Combine(Path.GetTempPath(), $"profiles-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(set, "items:\n  - text: \"swe\"\n");
        try
        {
            var (code, _, stderr) = await RunAsync("profile-eval", set);
            Assert.Equal(1, code);
            Assert.Contains("needs 'text' and an 'expect' mapping", stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(set);
        }
    }

    [Fact]
    public async Task FaqEval_EvaluationSet_PrintsScoresPerFaq()
    {
        var set = Path.Combine(Path.GetTempPath(), $"eval-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(set, """
            items:
              - utterance: "do i need a cert to get hired"
                expect: cert-required-to-get-hired
              - utterance: "what is the capital of peru"
                expect: none
            """);
        try
        {
            var (code, stdout, stderr) = await RunAsync("faq-eval", set);
            Assert.True(code == 0, stderr);
            Assert.Contains("cert-required-to-get-hired", stdout, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(set);
        }
    }

    [Fact]
    public async Task Report_AfterUnansweredQuestion_ListsItGroupedWithCount()
    {
        var storage = Path.Combine(Path.GetTempPath(), $"certbot-report-{Guid.NewGuid():N}.db");
        var (chat, _, _) = await RunWithInputAsync("how do I bake sourdough bread\nhow do I bake sourdough bread?\n/quit\n", "chat", $"--Storage:SqlitePath={storage}");
        Assert.Equal(0, chat);

        var (code, stdout, _) = await RunAsync("report", $"--Storage:SqlitePath={storage}");
        Assert.Equal(0, code);
        Assert.Contains("how do i bake sourdough bread", stdout, StringComparison.Ordinal);
        Assert.Matches(@"\s2\s+how do i bake sourdough bread", stdout);
    }

    [Fact]
    public async Task Report_BadTop_ClearErrorExitTwo()
    {
        var (code, _, stderr) = await RunAsync("report", "--top", "lots");
        Assert.Equal(2, code);
        Assert.Contains("--top", stderr, StringComparison.Ordinal);
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
        var (code, text, _) = await RunWithInputAsync("1\n2\n4 years\nazure\n/quit\n", "chat", $"--Storage:SqlitePath={storage}");

        Assert.Equal(0, code);
        Assert.Contains("[1] Get a recommendation", text, StringComparison.Ordinal);
        Assert.Contains("Data scientist moving into engineering", text, StringComparison.Ordinal);
        Assert.Contains("AI-103", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"type\"", text, StringComparison.Ordinal);
    }

    // The shipped facts and English text, in a folder of their own.
    private static DirectoryInfo CopyShippedKnowledge()
    {
        var folder = Directory.CreateTempSubdirectory("certbot-validate-");
        var shipped = Path.GetDirectoryName(KnowledgePath.Resolve(null))!;
        foreach (var name in new[] { "knowledge.yaml", "knowledge.en.yaml" })
        {
            File.Copy(Path.Combine(shipped, name), Path.Combine(folder.FullName, name));
        }

        return folder;
    }

    private static Task<(int Code, string Stdout, string Stderr)> RunAsync(params string[] args) => RunWithInputAsync("", args);

    private static async Task<(int Code, string Stdout, string Stderr)> RunWithInputAsync(string stdin, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await CommandLine.RunAsync(args, new StringReader(stdin), stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}

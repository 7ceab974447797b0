namespace CertBot.Tools;

/// <summary>
/// The verbs behind <c>dotnet run --project src/CertBot -- &lt;command&gt;</c>. The host's thin entry calls this with its own
/// composition; the verbs that run the bot in-process (chat, faq-eval, profile-eval, report) get it from there.
/// </summary>
public static class ToolCommands
{
    private static readonly string[] Commands = ["chat", "validate-knowledge", "faq-eval", "profile-eval", "package", "report", "help", "--help", "-h"];

    /// <summary>Runs the verb <c>args[0]</c> with the rest of <paramref name="args"/>; returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args, IBotComposition composition, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(composition);
        ArgumentNullException.ThrowIfNull(stdin);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (args.Length == 0)
        {
            return Usage(stderr, 2);
        }

        var rest = args[1..];
        try
        {
            return args[0] switch
            {
                "chat" => await ChatCommand.RunAsync(rest, composition, stdin, stdout).ConfigureAwait(false),
                "validate-knowledge" => ValidateKnowledgeCommand.Run(rest, stdout, stderr),
                "faq-eval" => await FaqEvalCommand.RunAsync(rest, composition, stdout, stderr).ConfigureAwait(false),
                "profile-eval" => await ProfileEvalCommand.RunAsync(rest, composition, stdout, stderr).ConfigureAwait(false),
                "package" => await Packaging.PackageCommand.RunAsync(rest, stdout, stderr).ConfigureAwait(false),
                "report" => await ReportCommand.RunAsync(rest, composition, stdout, stderr).ConfigureAwait(false),
                "help" or "--help" or "-h" => Usage(stdout, 0),
                _ => Unknown(args[0], stderr),
            };
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            // Tools print one clear line, not a stack trace.
            await stderr.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
            return 1;
        }
    }

    private static int Unknown(string command, TextWriter stderr)
    {
        stderr.WriteLine($"error: unknown command '{command}'. Commands: {string.Join(", ", Commands[..7])}.");
        Usage(stderr, 2);
        return 2;
    }

    private static int Usage(TextWriter writer, int exitCode)
    {
        writer.WriteLine("""
            Usage: dotnet run --project src/CertBot [-- <command> [options]]

              (no command)                      serve the bot on http://localhost:3978/api/messages
              chat                              talk to CertBot in this terminal (same bot, in-process)
              validate-knowledge [path]         check dialogs/knowledge.yaml (or path) and its text files; exit 1 on errors
              faq-eval <eval-set.yaml> [path] [--lexical] [--summary] [--items]
                                                score the FAQ matcher on an evaluation set
              profile-eval <eval-set.yaml> [--summary]
                                                score one-message profile understanding
              package --app-id <guid> --bot-id <guid> [--out file.zip] [--manifest-dir dir]
                                                build the Teams app package
              report [--top N]                  unanswered questions, low-confidence matches and
                                                "not helpful" clicks, grouped for curators
            """);
        return exitCode;
    }
}

using CertBot.Tools;

namespace CertBot.Cli;

/// <summary>
/// The host's thin entry to the tools (<c>dotnet run --project src/CertBot -- &lt;command&gt;</c>): the verbs live in
/// CertBot.Tools, which gets the bot's composition from here. Only <see cref="RunAsync"/> touches that assembly, so
/// serving the bot never loads it.
/// </summary>
public static class CommandLine
{
    /// <summary>A first argument that is not an option (or is a help flag) names a verb; anything else serves the bot.</summary>
    public static bool IsCommand(string[] args) => args is [var first, ..] && !first.StartsWith("--", StringComparison.Ordinal) || args is ["--help" or "-h", ..];

    /// <summary>Runs the verb <c>args[0]</c>; returns the process exit code.</summary>
    public static Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr) =>
        ToolCommands.RunAsync(args, new HostComposition(), stdin, stdout, stderr);
}

using CertBot.Knowledge.Loading;

namespace CertBot.Tools;

/// <summary>
/// 'validate-knowledge [path]': checks the facts file (path, or dialogs/knowledge.yaml) with every text file beside it
/// (knowledge.en.yaml, knowledge.fr.yaml...), each language laid over English as the bot loads it; prints every problem
/// with file, line and column; exit 1 on errors.
/// </summary>
public static class ValidateKnowledgeCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (args.Length > 1)
        {
            stderr.WriteLine("error: validate-knowledge takes at most one path.");
            return 2;
        }

        var path = KnowledgePath.Resolve(args.FirstOrDefault());
        if (!File.Exists(path))
        {
            stderr.WriteLine($"error: knowledge file not found: {path}");
            return 2;
        }

        var result = KnowledgeLoader.LoadAll(path, KnowledgeValidationOptions.Default);
        stdout.WriteLine(result.Report.Format());
        return result.HasErrors ? 1 : 0;
    }
}

using CertBot.Knowledge.Faq;

namespace CertBot.Cli;

/// <summary>'faq-eval &lt;eval-set.yaml&gt; [knowledge.yaml]': how well the matcher answers an evaluation set, for curators.</summary>
public static class FaqEvalCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (args.Length is < 1 or > 2)
        {
            stderr.WriteLine("error: usage: faq-eval <eval-set.yaml> [knowledge.yaml]");
            return 2;
        }

        var knowledgePath = KnowledgePath.Resolve(args.ElementAtOrDefault(1));
        foreach (var path in new[] { args[0], knowledgePath })
        {
            if (!File.Exists(path))
            {
                stderr.WriteLine($"error: file not found: {path}");
                return 2;
            }
        }

        var loaded = KnowledgeLoader.Load(knowledgePath, KnowledgeValidationOptions.Default);
        if (loaded.Knowledge is null || loaded.HasErrors)
        {
            stderr.WriteLine(loaded.Report.Format());
            return 1;
        }

        var report = FaqEvaluation.Run(FaqEvaluationSet.Load(args[0]), new FaqMatcher(loaded.Knowledge));
        stdout.WriteLine(report.Format());
        return 0;
    }
}

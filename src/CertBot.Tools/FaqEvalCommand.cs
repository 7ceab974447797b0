using CertBot.Knowledge.Loading;
using CertBot.Tools.Evaluation;

namespace CertBot.Tools;

/// <summary>
/// 'faq-eval &lt;eval-set.yaml&gt; [knowledge.yaml] [--lexical] [--summary] [--items]': how well the bot answers an evaluation set,
/// through the same matching the bot uses (lexical, semantic fallback, near-miss detection), for curators.
/// </summary>
public static class FaqEvalCommand
{
    public static async Task<int> RunAsync(string[] args, IBotComposition composition, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(composition);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var lexicalOnly = args.Contains("--lexical", StringComparer.Ordinal);
        var summaryOnly = args.Contains("--summary", StringComparer.Ordinal);
        var itemsOnly = args.Contains("--items", StringComparer.Ordinal);
        var paths = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
        // Configuration overrides (--Knowledge:Semantic:AloneThreshold=0.8) are passed through below.
        if (paths.Length is < 1 or > 2)
        {
            await stderr.WriteLineAsync("error: usage: faq-eval <eval-set.yaml> [knowledge.yaml] [--lexical] [--summary] [--items]").ConfigureAwait(false);
            return 2;
        }

        var knowledgePath = KnowledgePath.Resolve(paths.ElementAtOrDefault(1));
        foreach (var path in new[] { paths[0], knowledgePath })
        {
            if (!File.Exists(path))
            {
                await stderr.WriteLineAsync($"error: file not found: {path}").ConfigureAwait(false);
                return 2;
            }
        }

        // Every language's text too: the bot below refuses to start on any file's errors, so say them here first.
        var loaded = KnowledgeLoader.LoadAll(knowledgePath, KnowledgeValidationOptions.Default);
        if (loaded.Knowledge is null || loaded.HasErrors)
        {
            await stderr.WriteLineAsync(loaded.Report.Format()).ConfigureAwait(false);
            return 1;
        }

        var set = FaqEvaluationSet.Load(paths[0]);
        // Any other --Key=Value goes to the bot's configuration, so thresholds can be tried without editing files.
        string[] settings = [
            $"--Knowledge:Path={knowledgePath}",
            .. lexicalOnly ? new[] { "--Knowledge:Semantic:Enabled=false" } : [],
            .. args.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=', StringComparison.Ordinal))];
        await using var bot = composition.Build(settings);
        await bot.WhenModelsReadyAsync(CancellationToken.None).ConfigureAwait(false);
        // The bot's own reading of each message as a first message (persona hints and all), not the matcher alone.
        var report = await FaqEvaluation.RunAsync(set, bot.ReadFaqAsync, CancellationToken.None).ConfigureAwait(false);
        // A held-out set is scored with --summary alone: --items would print its lines.
        await stdout.WriteAsync(itemsOnly && !summaryOnly ? report.FormatItems() : report.Format(summaryOnly) + Environment.NewLine).ConfigureAwait(false);
        return 0;
    }
}

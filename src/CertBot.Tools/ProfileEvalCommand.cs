using CertBot.Tools.Evaluation;

namespace CertBot.Tools;

/// <summary>
/// 'profile-eval &lt;set.yaml&gt; [--summary]': how well CertBot reads one-message profiles. Each message goes through the
/// bot's own route table and interview as a person's first message would; the facts the interview then holds are
/// compared with the labels.
/// </summary>
public static class ProfileEvalCommand
{
    public static async Task<int> RunAsync(string[] args, IBotComposition composition, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(composition);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var summaryOnly = args.Contains("--summary", StringComparer.Ordinal);
        var paths = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
        if (paths.Length != 1)
        {
            await stderr.WriteLineAsync("error: usage: profile-eval <eval-set.yaml> [--summary]").ConfigureAwait(false);
            return 2;
        }

        if (!File.Exists(paths[0]))
        {
            await stderr.WriteLineAsync($"error: file not found: {paths[0]}").ConfigureAwait(false);
            return 2;
        }

        var set = ProfileEvaluationSet.Load(paths[0]);
        await using var bot = composition.Build([.. args.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a != "--summary")]);
        await bot.WhenModelsReadyAsync(CancellationToken.None).ConfigureAwait(false);
        var report = await ProfileEvaluation.RunAsync(set, bot.ReadProfileAsync, CancellationToken.None).ConfigureAwait(false);
        await stdout.WriteAsync(report.Format(summaryOnly)).ConfigureAwait(false);
        return 0;
    }
}

using CertBot.Cli.Evaluation;
using CertBot.Conversation;
using CertBot.Dialogs;

namespace CertBot.Cli;

/// <summary>
/// 'profile-eval &lt;set.yaml&gt; [--summary]': how well CertBot reads one-message profiles. Each message goes through the
/// bot's own route table and interview as a person's first message would; the facts the interview then holds are
/// compared with the labels.
/// </summary>
public static class ProfileEvalCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
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
        await using var app = CertBotServices.Build([.. args.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a != "--summary")]);
        await CertBotServices.WhenModelsReadyAsync(app.Services, CancellationToken.None).ConfigureAwait(false);
        var router = app.Services.GetRequiredService<MessageRouter>();
        var interview = app.Services.GetRequiredService<ProfileInterview>();
        var snapshot = app.Services.GetRequiredService<IKnowledgeSource>().Snapshot;
        var results = new List<ProfileEvaluationResult>(set.Items.Count);
        foreach (var item in set.Items)
        {
            var reading = router.Read(DialogState.Idle, item.Text, snapshot);
            var route = await MessageRouteTable.SelectAsync(reading, CancellationToken.None).ConfigureAwait(false);
            var starts = route == MessageRoute.Facts || (route == MessageRoute.Intent && reading.Intent == HostIntent.None);
            var values = starts
                ? (await interview.BeginStepAsync(DialogState.Idle, item.Text, CancellationToken.None).ConfigureAwait(false)).State.Values
                : new Dictionary<string, string>(StringComparer.Ordinal);
            results.Add(new ProfileEvaluationResult(item, values));
        }

        await stdout.WriteAsync(new ProfileEvaluationReport(results).Format(summaryOnly)).ConfigureAwait(false);
        return 0;
    }
}

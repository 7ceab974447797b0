using CertBot.Conversation;
using CertBot.Dialogs;

namespace CertBot.Cli.Evaluation;

/// <summary>
/// Runs each labelled message through the bot's own route table and interview as a person's first message would be,
/// and records the facts the interview then holds.
/// </summary>
public static class ProfileEvaluation
{
    public static async Task<ProfileEvaluationReport> RunAsync(
        ProfileEvaluationSet set,
        MessageRouter router,
        ProfileInterview interview,
        KnowledgeSnapshot snapshot,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(router);
        ArgumentNullException.ThrowIfNull(interview);
        var results = new List<ProfileEvaluationResult>(set.Items.Count);
        foreach (var item in set.Items)
        {
            var reading = router.Read(DialogState.Idle, item.Text, snapshot);
            var route = await MessageRouteTable.SelectAsync(reading, cancellationToken).ConfigureAwait(false);
            // Facts start the interview; so does a recommendation request (the trigger route), with whatever it states.
            var starts = route == MessageRoute.Facts || (route == MessageRoute.Intent && reading.Intent == HostIntent.None);
            var values = starts
                ? (await interview.BeginStepAsync(DialogState.Idle, item.Text, cancellationToken).ConfigureAwait(false)).State.Values
                : new Dictionary<string, string>(StringComparer.Ordinal);
            results.Add(new ProfileEvaluationResult(item, values));
        }

        return new ProfileEvaluationReport(results);
    }
}

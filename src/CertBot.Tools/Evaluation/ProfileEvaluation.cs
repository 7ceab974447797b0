namespace CertBot.Tools.Evaluation;

/// <summary>
/// Runs each labelled message through a reader (in the profile-eval command: the bot's own route table and interview,
/// as for a person's first message) and records the facts it read.
/// </summary>
public static class ProfileEvaluation
{
    /// <summary>Reads every item with <paramref name="read"/> (slot name to value) and scores what was read.</summary>
    public static async Task<ProfileEvaluationReport> RunAsync(
        ProfileEvaluationSet set,
        Func<string, CancellationToken, Task<IReadOnlyDictionary<string, string>>> read,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(read);
        var results = new List<ProfileEvaluationResult>(set.Items.Count);
        foreach (var item in set.Items)
        {
            results.Add(new ProfileEvaluationResult(item, await read(item.Text, cancellationToken).ConfigureAwait(false)));
        }

        return new ProfileEvaluationReport(results);
    }
}

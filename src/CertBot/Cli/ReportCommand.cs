using System.Globalization;
using CertBot.Curation;

namespace CertBot.Cli;

/// <summary>
/// 'report': what people asked that CertBot could not answer well, grouped and counted, with the nearest FAQ id.
/// Every row shows the normalised words people typed (for feedback rows, the question that led to the answer).
/// </summary>
public static class ReportCommand
{
    private static readonly (string Kind, string Heading)[] Sections =
    [
        (CuratorEventKinds.Unanswered, "Unanswered questions (out of scope for the knowledge file)"),
        (CuratorEventKinds.LowConfidence, "Low-confidence matches (did-you-mean shown)"),
        (CuratorEventKinds.NotHelpful, "Answers marked not helpful"),
        (CuratorEventKinds.Helpful, "Answers marked helpful"),
    ];

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var top = 20;
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--top")
            {
                if (i + 1 >= args.Length || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out top) || top < 1)
                {
                    await stderr.WriteLineAsync("error: --top needs a positive whole number.").ConfigureAwait(false);
                    return 2;
                }

                i++;
            }
            else
            {
                rest.Add(args[i]);
            }
        }

        await using var services = CertBotServices.Build([.. rest]);
        var log = services.Services.GetRequiredService<CuratorLog>();
        var events = await log.ReadAsync(CancellationToken.None).ConfigureAwait(false);
        await stdout.WriteAsync(Format(events, top)).ConfigureAwait(false);
        return 0;
    }

    public static string Format(CuratorEvents events, int top)
    {
        ArgumentNullException.ThrowIfNull(events);
        var text = new System.Text.StringBuilder();
        if (events.Events.Count == 0)
        {
            text.AppendLine("Nothing recorded yet: no unanswered questions, low-confidence matches or feedback.");
            return text.ToString();
        }

        foreach (var (kind, heading) in Sections)
        {
            var rows = events.Events.Where(e => e.Kind == kind).OrderByDescending(e => e.Count).ThenByDescending(e => e.LastSeen).ToList();
            if (rows.Count == 0)
            {
                continue;
            }

            text.AppendLine(CultureInfo.InvariantCulture, $"{heading} — {rows.Sum(r => r.Count)} in {rows.Count} group(s)");
            foreach (var row in rows.Take(top))
            {
                var label = kind is CuratorEventKinds.NotHelpful or CuratorEventKinds.Helpful ? "answered with FAQ" : "nearest FAQ";
                var nearest = row.NearestFaqId is null ? "" : $"  ({label}: {row.NearestFaqId})";
                text.AppendLine(CultureInfo.InvariantCulture, $"  {row.Count,5}  {row.Text}{nearest}");
            }

            text.AppendLine();
        }

        return text.ToString();
    }
}

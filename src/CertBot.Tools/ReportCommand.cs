using System.Globalization;

namespace CertBot.Tools;

/// <summary>
/// 'report': what people asked that CertBot could not answer well, grouped and counted, with the nearest FAQ id.
/// Every row shows the normalised words people typed (for feedback rows, the question that led to the answer).
/// </summary>
public static class ReportCommand
{
    private static readonly (CuratorSignalKind Kind, string Heading)[] Sections =
    [
        (CuratorSignalKind.Unanswered, "Unanswered questions (out of scope for the knowledge file)"),
        (CuratorSignalKind.LowConfidence, "Low-confidence matches (did-you-mean shown)"),
        (CuratorSignalKind.NotHelpful, "Answers marked not helpful"),
        (CuratorSignalKind.Helpful, "Answers marked helpful"),
    ];

    public static async Task<int> RunAsync(string[] args, IBotComposition composition, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(composition);
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

        await using var bot = composition.Build(rest);
        var signals = await bot.ReadCuratorSignalsAsync(CancellationToken.None).ConfigureAwait(false);
        await stdout.WriteAsync(Format(signals, top)).ConfigureAwait(false);
        return 0;
    }

    public static string Format(IReadOnlyList<CuratorSignal> signals, int top)
    {
        ArgumentNullException.ThrowIfNull(signals);
        var text = new System.Text.StringBuilder();
        if (signals.Count == 0)
        {
            text.AppendLine("Nothing recorded yet: no unanswered questions, low-confidence matches or feedback.");
            return text.ToString();
        }

        foreach (var (kind, heading) in Sections)
        {
            var rows = signals.Where(e => e.Kind == kind).OrderByDescending(e => e.Count).ThenByDescending(e => e.LastSeen).ToList();
            if (rows.Count == 0)
            {
                continue;
            }

            text.AppendLine(CultureInfo.InvariantCulture, $"{heading} — {rows.Sum(r => r.Count)} in {rows.Count} group(s)");
            foreach (var row in rows.Take(top))
            {
                var label = kind is CuratorSignalKind.NotHelpful or CuratorSignalKind.Helpful ? "answered with FAQ" : "nearest FAQ";
                var nearest = row.NearestFaqId is null ? "" : $"  ({label}: {row.NearestFaqId})";
                text.AppendLine(CultureInfo.InvariantCulture, $"  {row.Count,5}  {row.Text}{nearest}");
            }

            text.AppendLine();
        }

        return text.ToString();
    }
}

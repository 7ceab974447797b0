using CertBot.Curation;
using CertBot.Tools;

namespace CertBot.Cli;

/// <summary>The curator log's grouped events as the report tool reads them; kinds the report does not know are left out.</summary>
internal static class CuratorSignals
{
    public static IReadOnlyList<CuratorSignal> From(CuratorEvents events)
    {
        ArgumentNullException.ThrowIfNull(events);
        return [.. events.Events
            .Select(e => (Event: e, Kind: KindOf(e.Kind)))
            .Where(p => p.Kind is not null)
            .Select(p => new CuratorSignal(p.Kind!.Value, p.Event.Text, p.Event.NearestFaqId, p.Event.Count, p.Event.LastSeen))];
    }

    private static CuratorSignalKind? KindOf(string kind) => kind switch
    {
        CuratorEventKinds.Unanswered => CuratorSignalKind.Unanswered,
        CuratorEventKinds.LowConfidence => CuratorSignalKind.LowConfidence,
        CuratorEventKinds.NotHelpful => CuratorSignalKind.NotHelpful,
        CuratorEventKinds.Helpful => CuratorSignalKind.Helpful,
        _ => null,
    };
}

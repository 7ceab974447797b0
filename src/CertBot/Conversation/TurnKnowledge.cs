using System.Runtime.CompilerServices;
using CertBot.Protocol.Hosting;
using CertBot.Protocol.Schema;

namespace CertBot.Conversation;

/// <summary>
/// The knowledge generation of each turn: the first reader in a turn pins the snapshot in service for the turn's
/// locale (its <see cref="Activity.Locale"/> through the same fallback chain as the catalogues: fr-CA, fr, English), and
/// every later reader in the same turn (matching, card building, personalising) gets that same snapshot, even when a
/// hot reload swaps the knowledge in between.
/// </summary>
public sealed class TurnKnowledge(IKnowledgeSource source)
{
    // Keyed by the turn object, so a snapshot lives exactly as long as its turn and is never shared between turns.
    private readonly ConditionalWeakTable<ITurnContext, KnowledgeSnapshot> _pinned = [];

    /// <summary>The snapshot this turn uses throughout.</summary>
    public KnowledgeSnapshot For(ITurnContext turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return _pinned.GetValue(turn, pinning => source.SnapshotFor(pinning.Activity.Locale));
    }
}

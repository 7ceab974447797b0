using CertBot.Knowledge.Faq;
using CertBot.Knowledge.Model;

namespace CertBot.Knowledge.Hosting;

/// <summary>
/// The knowledge currently in service, in every language it has text for. Read <see cref="SnapshotFor"/> once per turn
/// for a consistent view (the host pins it per turn in TurnKnowledge).
/// </summary>
public interface IKnowledgeSource
{
    /// <summary>The current knowledge, in English.</summary>
    KnowledgeBase Current { get; }

    /// <summary>The FAQ matcher built for <see cref="Current"/>.</summary>
    FaqMatcher Matcher { get; }

    /// <summary>Knowledge, matcher and recommender of the current generation, in English (what runs outside a turn uses).</summary>
    KnowledgeSnapshot Snapshot { get; }

    /// <summary>
    /// The current generation's snapshot for a locale tag from the wire (an activity's locale): its own text when the
    /// knowledge has some (knowledge.fr.yaml for fr-FR, fr-CA or fr), English otherwise.
    /// </summary>
    KnowledgeSnapshot SnapshotFor(string? locale);
}

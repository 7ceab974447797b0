using CertBot.Knowledge.Faq;
using CertBot.Knowledge.Model;

namespace CertBot.Knowledge.Hosting;

/// <summary>The knowledge currently in service. Read <see cref="Snapshot"/> once per turn for a consistent view (the host pins it per turn in TurnKnowledge).</summary>
public interface IKnowledgeSource
{
    /// <summary>The current knowledge.</summary>
    KnowledgeBase Current { get; }

    /// <summary>The FAQ matcher built for <see cref="Current"/>.</summary>
    FaqMatcher Matcher { get; }

    /// <summary>Knowledge, matcher and recommender of one generation.</summary>
    KnowledgeSnapshot Snapshot { get; }
}

using CertBot.Composition;
using CertBot.Protocol.Hosting;

namespace CertBot.Conversation.Features;

/// <summary>
/// Every credential side by side: reached by "compare certifications" and the Compare buttons. Once the person's
/// profile is known, each current exam carries their readiness badge.
/// </summary>
public sealed class CompareFeature(IKnowledgeSource knowledge, BotMessages messages)
{
    public Task RunAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var snapshot = knowledge.Snapshot;
        var readiness = ProfileInterview.CompletedProfile(turn) is { } profile ? snapshot.Recommender.Recommend(profile).Readiness : null;
        return turn.SendCardAsync(ComparisonCard.Build(messages, snapshot.Knowledge, readiness), cancellationToken);
    }
}

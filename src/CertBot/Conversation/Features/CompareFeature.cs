using CertBot.Composition;
using CertBot.Protocol.Hosting;

namespace CertBot.Conversation.Features;

/// <summary>
/// Every credential side by side: reached by "compare certifications" and the Compare buttons. Once the person's
/// profile is known, each current exam carries their readiness badge.
/// </summary>
public sealed class CompareFeature(TurnKnowledge knowledge, Catalogues catalogues)
{
    public Task RunAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var snapshot = knowledge.For(turn);
        var readiness = ProfileInterview.CompletedProfile(turn) is { } profile ? snapshot.Recommender.Recommend(profile).Readiness : null;
        return turn.SendCardAsync(ComparisonCard.Build(catalogues.For(turn).Messages, snapshot.Knowledge, readiness), cancellationToken);
    }
}

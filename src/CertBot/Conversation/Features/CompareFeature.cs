using CertBot.Composition;
using CertBot.Protocol.Hosting;

namespace CertBot.Conversation.Features;

/// <summary>
/// Every credential side by side: reached by "compare certifications" and the Compare buttons. Once the person's
/// profile is known, each current exam carries their readiness badge. Its phrases rank first among the typed intents.
/// </summary>
[CardFeature(CardActions.Compare, rank: 100)]
public sealed class CompareFeature(TurnKnowledge knowledge, Catalogues catalogues) : ICardFeature
{
    public Task RunAsync(ITurnContext turn, CardActionData? button, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var snapshot = knowledge.For(turn);
        var readiness = ProfileInterview.CompletedProfile(turn) is { } profile ? snapshot.Recommender.Recommend(profile).Readiness : null;
        return turn.SendCardAsync(ComparisonCard.Build(catalogues.For(turn).Messages, snapshot.Knowledge, readiness), cancellationToken);
    }
}

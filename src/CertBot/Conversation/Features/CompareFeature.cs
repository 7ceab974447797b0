using CertBot.Composition;
using CertBot.Protocol.Hosting;

namespace CertBot.Conversation.Features;

/// <summary>Every credential side by side: reached by "compare certifications" and the Compare buttons.</summary>
public sealed class CompareFeature(TurnKnowledge knowledge, BotMessages messages)
{
    public Task RunAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return turn.SendCardAsync(ComparisonCard.Build(messages, knowledge.For(turn).Knowledge), cancellationToken);
    }
}

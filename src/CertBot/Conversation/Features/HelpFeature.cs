using CertBot.Composition;
using CertBot.Protocol.Hosting;
using CertBot.Teams;

namespace CertBot.Conversation.Features;

/// <summary>What CertBot can do: reached by "help", "what can you do" and the Help button.</summary>
public sealed class HelpFeature(Catalogues catalogues)
{
    public Task RunAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return turn.SendCardAsync(HelpCard.Build(catalogues.For(turn).Messages, ConversationKind.IsShared(turn.Activity)), cancellationToken);
    }
}

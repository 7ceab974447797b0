using CertBot.Protocol.Hosting;

namespace CertBot.Conversation.Features;

/// <summary>Invites a question: reached by "ask a question" and the Ask button.</summary>
public sealed class AskFeature(Catalogues catalogues)
{
    public Task RunAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return turn.SendTextAsync(catalogues.For(turn).Messages.Ask.Text, cancellationToken);
    }
}

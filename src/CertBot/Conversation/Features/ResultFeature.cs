using CertBot.Composition;
using CertBot.Protocol.Hosting;

namespace CertBot.Conversation.Features;

/// <summary>The last recommendation again: "what did you recommend?", "show my result again".</summary>
public sealed class ResultFeature(ProfileInterview interview, Catalogues catalogues)
{
    public async Task RunAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var messages = catalogues.For(turn).Messages;
        if (ProfileInterview.CompletedProfile(turn) is not { } profile)
        {
            await turn.SendCardAsync(NextStepCard.Build(messages, messages.Result.None), cancellationToken).ConfigureAwait(false);
            return;
        }

        await turn.SendTextAsync(messages.Result.Again, cancellationToken).ConfigureAwait(false);
        await interview.RecommendAsync(turn, profile, cancellationToken).ConfigureAwait(false);
    }
}

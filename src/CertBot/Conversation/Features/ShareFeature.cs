using CertBot.Composition;
using CertBot.Protocol.Hosting;
using CertBot.Teams;

namespace CertBot.Conversation.Features;

/// <summary>
/// A recommendation card colleagues can see: reached by "share my recommendation" (the person's own finished profile)
/// and by the Share button (the profile the card carries). Whoever opens it gets their own recommendation.
/// </summary>
public sealed class ShareFeature(TurnKnowledge knowledge, Catalogues catalogues)
{
    public async Task RunAsync(ITurnContext turn, LearnerProfile? profile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var messages = catalogues.For(turn).Messages;
        profile ??= ProfileInterview.CompletedProfile(turn);
        if (profile is null)
        {
            await turn.SendCardAsync(NextStepCard.Build(messages, messages.Result.None), cancellationToken).ConfigureAwait(false);
            return;
        }

        var snapshot = knowledge.For(turn);
        var recommendation = snapshot.Recommender.Recommend(profile);
        var name = ConversationKind.DisplayName(turn.Activity, messages.Channel.AnonymousName);
        var card = RecommendationCard.Build(messages, snapshot.Knowledge, recommendation, new RecommendationCardOptions(SharedBy: name));
        if (ConversationKind.IsShared(turn.Activity))
        {
            // The bot is in this group chat or channel: post the shareable card for everyone.
            await turn.SendTextAsync(TemplateText.Fill(messages.Share.GroupPosted, ("name", name)), cancellationToken).ConfigureAwait(false);
            await turn.SendCardAsync(card, cancellationToken).ConfigureAwait(false);
            return;
        }

        // In a personal chat the bot cannot post elsewhere: explain the message extension and hand over a forwardable card.
        await turn.SendTextAsync(messages.Share.PersonalHint, cancellationToken).ConfigureAwait(false);
        await turn.SendTextAsync(messages.Share.ForwardText, cancellationToken).ConfigureAwait(false);
        await turn.SendCardAsync(card, cancellationToken).ConfigureAwait(false);
    }
}

using CertBot.Composition;
using CertBot.Dialogs;
using CertBot.Knowledge;
using CertBot.Protocol.Hosting;
using CertBot.Teams;
using Microsoft.Extensions.Options;
using CertBot.Hosting;

namespace CertBot.Conversation;

/// <summary>
/// Runs the profile dialog for the person who sent the activity and shows its result: acknowledgements,
/// the next question as a card, or the recommendation once every answer is in.
/// </summary>
public sealed class ProfileInterview(
    ProfileDialog dialog,
    IKnowledgeSource knowledge,
    BotMessages messages,
    PersonalChatHandoff handoff,
    IOptions<CertBotOptions> options)
{
    public ProfileDialog Dialog => dialog;

    /// <summary>Starts (or restarts) the interview, taking every answer the text already gives.</summary>
    public async Task StartAsync(ITurnContext turn, string? text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var user = turn.State.User(HostJsonContext.Default.CertBotUserState);
        var result = dialog.Begin(DialogState.Idle, text);
        if (result.Kind != DialogTurnKind.Completed
            && options.Value.MoveInterviewsToPersonalChat
            && ConversationKind.IsShared(turn.Activity)
            && result.Prompt is not null
            && await handoff.TryMoveAsync(turn, result, cancellationToken).ConfigureAwait(false))
        {
            user.Dialog = result.State;
            return;
        }

        await PresentAsync(turn, result, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Shows a dialog step and stores the new state (or deletes everything on "forget me").</summary>
    public async Task PresentAsync(ITurnContext turn, DialogTurn result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(result);
        if (result.Kind == DialogTurnKind.ForgetRequested)
        {
            turn.State.DeleteUser();
            await turn.SendTextAsync(messages.Forget.Done, cancellationToken).ConfigureAwait(false);
            return;
        }

        var user = turn.State.User(HostJsonContext.Default.CertBotUserState);
        user.Dialog = result.State;
        var shared = ConversationKind.IsShared(turn.Activity);
        foreach (var message in result.Messages)
        {
            await turn.SendTextAsync(message, cancellationToken).ConfigureAwait(false);
        }

        if (result.Prompt is { } prompt)
        {
            var addressee = shared ? ConversationKind.DisplayName(turn.Activity, messages.Channel.AnonymousName) : null;
            await turn.SendCardAsync(PromptCard.Build(prompt, addressee), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (result.Values is { } values && LearnerProfileMapping.TryFromSlots(values, out var profile))
        {
            await RecommendAsync(turn, profile, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Sends the recommendation for a profile; in shared conversations it says whose it is.</summary>
    public async Task RecommendAsync(ITurnContext turn, LearnerProfile profile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (!turn.BuffersReplies)
        {
            await turn.SendTypingAsync(cancellationToken).ConfigureAwait(false);
        }

        var snapshot = knowledge.Snapshot;
        var recommendation = snapshot.Recommender.Recommend(profile);
        var forName = ConversationKind.IsShared(turn.Activity) ? ConversationKind.DisplayName(turn.Activity, messages.Channel.AnonymousName) : null;
        var card = RecommendationCard.Build(messages, snapshot.Knowledge, recommendation, new RecommendationCardOptions(ForName: forName));
        await turn.SendCardAsync(card, cancellationToken).ConfigureAwait(false);
    }
}

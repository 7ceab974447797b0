using CertBot.Cards;
using CertBot.Composition;
using CertBot.Dialogs;
using CertBot.Hosting;
using CertBot.Protocol.Hosting;
using CertBot.Teams;
using Microsoft.Extensions.Options;

namespace CertBot.Conversation;

/// <summary>
/// The one owner of the profile interview: it begins, continues, resumes, rejects and revises it for the person who
/// sent the activity, shows each step (acknowledgements, the next question as a card, or the recommendation once the
/// three facts are in) and stores the new state. Typed text and buttons both come through here.
/// </summary>
public sealed class ProfileInterview(
    Catalogues catalogues,
    SemanticRoleClassifier roles,
    TurnKnowledge knowledge,
    PersonalChatHandoff handoff,
    IOptions<CertBotOptions> options)
{
    /// <summary>The English dialog, for readers without a turn (evaluation tools).</summary>
    public ProfileDialog Dialog => catalogues.Default.Dialog;

    /// <summary>The interview state of the person who sent the activity.</summary>
    public static DialogState StateOf(ITurnContext turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return turn.State.User(HostJsonContext.Default.CertBotUserState).Dialog ?? DialogState.Idle;
    }

    /// <summary>Starts the interview, taking every fact the text already gives; an interview under way keeps its answers.</summary>
    public async Task BeginAsync(ITurnContext turn, string? text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var result = await BeginStepAsync(catalogues.For(turn).Dialog, StateOf(turn), text, cancellationToken).ConfigureAwait(false);
        if (result.Kind != DialogTurnKind.Completed
            && options.Value.MoveInterviewsToPersonalChat
            && ConversationKind.IsShared(turn.Activity)
            && result.Prompt is not null
            && await handoff.TryMoveAsync(turn, result, cancellationToken).ConfigureAwait(false))
        {
            turn.State.User(HostJsonContext.Default.CertBotUserState).Dialog = result.State;
            return;
        }

        await PresentAsync(turn, result, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The first step of an interview begun from <paramref name="state"/> with <paramref name="text"/>, not yet shown or stored.</summary>
    public ValueTask<DialogTurn> BeginStepAsync(DialogState state, string? text, CancellationToken cancellationToken) =>
        BeginStepAsync(Dialog, state, text, cancellationToken);

    private async ValueTask<DialogTurn> BeginStepAsync(ProfileDialog dialog, DialogState state, string? text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var from = state.Status == DialogStatus.Active ? state : DialogState.Idle;
        return dialog.Begin(from, text, await InferAsync(dialog, from, text, null, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Reopens a finished profile with new facts: the answers they replace are dropped, the rest kept, and what is still missing asked.</summary>
    public Task ReviseAsync(ITurnContext turn, SlotExtraction facts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var state = StateOf(turn);
        var kept = state.Values
            .Where(pair => !facts.Values.ContainsKey(pair.Key))
            // Years on the old cloud say nothing about a new one.
            .Where(pair => !(facts.Values.ContainsKey(LearnerProfileMapping.CloudSlot) && pair.Key == LearnerProfileMapping.CloudYearsSlot))
            .Concat(facts.Values)
            .ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
        return PresentAsync(turn, catalogues.For(turn).Dialog.Begin(new DialogState(DialogStatus.Active, null, kept, 0, []), null), cancellationToken);
    }

    /// <summary>Starts again from nothing (the "Start over" button and command).</summary>
    public Task RestartAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        turn.State.User(HostJsonContext.Default.CertBotUserState).Dialog = DialogState.Idle;
        return BeginAsync(turn, null, cancellationToken);
    }

    /// <summary>What a typed message does to the interview (an answer, an edit, a command), without applying it yet.</summary>
    /// <param name="facts">The facts the caller already read from <paramref name="text"/>, so they are not read twice.</param>
    public async ValueTask<DialogTurn> ReadAsync(ProfileDialog dialog, DialogState state, string text, SlotExtraction? facts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        ArgumentNullException.ThrowIfNull(state);
        var inferred = await InferAsync(dialog, state, text, facts, cancellationToken).ConfigureAwait(false);
        return dialog.Continue(state, DialogInput.FromText(text) with { Inferred = inferred });
    }

    /// <summary>A choice button (role, years, cloud, or the cloud-years refinement on the recommendation card).</summary>
    public Task AnswerAsync(ITurnContext turn, string slot, string value, CancellationToken cancellationToken)
    {
        var state = StateOf(turn);
        var dialog = catalogues.For(turn).Dialog;
        if (state.Status == DialogStatus.Idle)
        {
            // A choice pressed on a card that was not asked of this person (e.g. in a channel): their own interview starts with it.
            state = dialog.Begin(DialogState.Idle, null).State;
        }

        return PresentAsync(turn, dialog.Continue(state, DialogInput.FromChoice(slot, value)), cancellationToken);
    }

    /// <summary>Asks the pending question again after a detour.</summary>
    public Task ResumeAsync(ITurnContext turn, CancellationToken cancellationToken) =>
        PresentAsync(turn, catalogues.For(turn).Dialog.Resume(StateOf(turn)), cancellationToken);

    /// <summary>Counts a message that answered nothing: reprompts, or gives up on the question after its retry limit.</summary>
    public Task RejectAsync(ITurnContext turn, CancellationToken cancellationToken) =>
        PresentAsync(turn, catalogues.For(turn).Dialog.Reject(StateOf(turn)), cancellationToken);

    /// <summary>Shows a dialog step and stores the new state (or deletes everything on "forget me").</summary>
    public async Task PresentAsync(ITurnContext turn, DialogTurn result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(result);
        var messages = catalogues.For(turn).Messages;
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
            await turn.SendCardAsync(PromptCard.Build(messages, prompt, addressee), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (result.Values is { } values && LearnerProfileMapping.TryFromSlots(values, out var profile))
        {
            await RecommendAsync(turn, profile, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The finished profile of the person who sent the activity, or null.</summary>
    public static LearnerProfile? CompletedProfile(ITurnContext turn)
    {
        var state = StateOf(turn);
        return state.Status == DialogStatus.Complete && LearnerProfileMapping.TryFromSlots(state.Values, out var profile) ? profile : null;
    }

    /// <summary>Sends the recommendation for a profile; in shared conversations it says whose it is.</summary>
    public async Task RecommendAsync(ITurnContext turn, LearnerProfile profile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (!turn.BuffersReplies)
        {
            await turn.SendTypingAsync(cancellationToken).ConfigureAwait(false);
        }

        await turn.SendCardAsync(RecommendationCardFor(turn, profile), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The recommendation card for the person who sent the activity, with the cloud-years quick answers.</summary>
    public AdaptiveCard RecommendationCardFor(ITurnContext turn, LearnerProfile profile)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var snapshot = knowledge.For(turn);
        var (messages, dialog) = (catalogues.For(turn).Messages, catalogues.For(turn).Dialog);
        var recommendation = snapshot.Recommender.Recommend(profile);
        var forName = ConversationKind.IsShared(turn.Activity) ? ConversationKind.DisplayName(turn.Activity, messages.Channel.AnonymousName) : null;
        var choices = dialog.Definition.FindSlot(LearnerProfileMapping.CloudYearsSlot)?.QuickAnswers.Select(q => new DialogChoice(q.Value, q.Title)).ToList() ?? [];
        return RecommendationCard.Build(messages, snapshot.Knowledge, recommendation, new RecommendationCardOptions(ForName: forName) { CloudYearsChoices = choices });
    }

    /// <summary>
    /// The role from the semantic fallback, only when it can matter: the role is still unknown, the vocabulary found
    /// none, and the text describes the person (or answers the role question). Every other turn costs no embedding.
    /// </summary>
    private async ValueTask<IReadOnlyDictionary<string, string>?> InferAsync(ProfileDialog dialog, DialogState state, string? text, SlotExtraction? facts, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text) || (state.ValueOf(LearnerProfileMapping.RoleSlot) is not null && state.PendingSlot != LearnerProfileMapping.RoleSlot))
        {
            return null;
        }

        if ((facts ?? dialog.ReadFacts(text)).ValueOf(LearnerProfileMapping.RoleSlot) is not null)
        {
            return null;
        }

        var clause = dialog.SelfDescription(text) ?? (state.PendingSlot == LearnerProfileMapping.RoleSlot ? text : null);
        if (clause is null)
        {
            return null;
        }

        var role = await roles.ClassifyAsync(dialog, clause, cancellationToken).ConfigureAwait(false);
        return role is null ? null : new Dictionary<string, string>(StringComparer.Ordinal) { [LearnerProfileMapping.RoleSlot] = role };
    }
}

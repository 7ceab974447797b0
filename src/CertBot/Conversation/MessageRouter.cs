using CertBot.Composition;
using CertBot.Dialogs;
using CertBot.Knowledge;
using CertBot.Protocol.Hosting;
using CertBot.Teams;

namespace CertBot.Conversation;

/// <summary>
/// Decides what a typed message means: an answer or command for a running interview, a feature phrase,
/// the start of an interview ("DS, 4 yrs, AWS shop"), or a question for the FAQ.
/// </summary>
public sealed class MessageRouter(
    ProfileInterview interview,
    FaqResponder faq,
    HostIntentRecognizer intents,
    IKnowledgeSource knowledge,
    BotMessages messages)
{
    public async Task HandleAsync(ITurnContext turn, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var shared = ConversationKind.IsShared(turn.Activity);
        if (string.IsNullOrWhiteSpace(text))
        {
            await turn.SendCardAsync(HelpCard.Build(messages, shared), cancellationToken).ConfigureAwait(false);
            return;
        }

        var dialog = interview.Dialog;
        var state = turn.State.User(HostJsonContext.Default.CertBotUserState).Dialog ?? DialogState.Idle;
        if (state.Status == DialogStatus.Complete && dialog.IsTrigger(text))
        {
            // "Which cert should I get?" after a recommendation: a new interview.
            await interview.StartAsync(turn, text, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (state.Status != DialogStatus.Idle)
        {
            var step = dialog.Continue(state, DialogInput.FromText(text));
            if (step.Kind != DialogTurnKind.NotUnderstood)
            {
                await interview.PresentAsync(turn, step, cancellationToken).ConfigureAwait(false);
                return;
            }

            // Matched once: the revision check, the detour and the final FAQ reply all use it.
            var reading = faq.Match(text);

            // After a recommendation, new facts ("what about AWS?", "I have 5 years now") revise the profile.
            if (state.Status == DialogStatus.Complete && reading.Kind != FaqMatchKind.Answer && dialog.Extract(text) is { IsEmpty: false } facts)
            {
                await interview.PresentAsync(turn, dialog.Begin(Revise(state, facts), text), cancellationToken).ConfigureAwait(false);
                return;
            }

            // Not an answer: maybe a detour (a feature or a FAQ question), after which the pending question is asked again.
            var detoured = await TryDetourAsync(turn, text, reading, cancellationToken).ConfigureAwait(false);
            if (state.Status == DialogStatus.Active)
            {
                await interview.PresentAsync(turn, detoured ? dialog.Resume(state) : dialog.Reject(state), cancellationToken).ConfigureAwait(false);
            }
            else if (!detoured)
            {
                await faq.RespondAsync(turn, text, reading, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        switch (dialog.RecognizeCommand(text))
        {
            case DialogCommand.Help:
            case DialogCommand.Cancel:
                await turn.SendCardAsync(HelpCard.Build(messages, shared), cancellationToken).ConfigureAwait(false);
                return;
            case DialogCommand.ForgetMe:
                turn.State.DeleteUser();
                await turn.SendTextAsync(messages.Forget.Done, cancellationToken).ConfigureAwait(false);
                return;
            case DialogCommand.StartOver:
                await interview.StartAsync(turn, null, cancellationToken).ConfigureAwait(false);
                return;
        }

        if (await TryIntentAsync(turn, text, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        // "Which cert should I get" starts the interview. Otherwise a confident FAQ answer wins unless the text
        // states experience ("DS, 4 yrs, AWS shop"): "how long to prepare for the google ml engineer exam" names a
        // role and a cloud but is a question. Any other profile fact starts the interview with what it gives.
        if (dialog.IsTrigger(text))
        {
            await interview.StartAsync(turn, text, cancellationToken).ConfigureAwait(false);
            return;
        }

        var extraction = dialog.Extract(text);
        var match = faq.Match(text);
        var statesExperience = extraction.ValueOf(LearnerProfileMapping.MlYearsSlot) is not null;
        if ((match.Kind == FaqMatchKind.Answer && !statesExperience) || extraction.IsEmpty)
        {
            await faq.RespondAsync(turn, text, match, cancellationToken).ConfigureAwait(false);
            return;
        }

        await interview.StartAsync(turn, text, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The finished profile reopened without the answers the new facts replace (a new cloud also voids years on the old one).</summary>
    private static DialogState Revise(DialogState complete, SlotExtraction facts)
    {
        var values = complete.Values
            .Where(pair => !facts.Values.ContainsKey(pair.Key))
            .Where(pair => !(facts.Values.ContainsKey(LearnerProfileMapping.CloudSlot) && pair.Key == LearnerProfileMapping.CloudYearsSlot && !facts.Values.ContainsKey(LearnerProfileMapping.CloudYearsSlot)))
            .ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
        return new DialogState(DialogStatus.Active, null, values, 0, []);
    }

    /// <summary>Answers a detour during the interview; false when the text is neither a feature phrase nor a confident FAQ match.</summary>
    private async Task<bool> TryDetourAsync(ITurnContext turn, string text, FaqMatch match, CancellationToken cancellationToken)
    {
        if (await TryIntentAsync(turn, text, cancellationToken).ConfigureAwait(false))
        {
            return true;
        }

        if (match.Kind != FaqMatchKind.Answer)
        {
            return false;
        }

        await faq.RespondAsync(turn, text, match, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task<bool> TryIntentAsync(ITurnContext turn, string text, CancellationToken cancellationToken)
    {
        var shared = ConversationKind.IsShared(turn.Activity);
        switch (intents.Recognize(text))
        {
            case HostIntent.Compare:
                await turn.SendCardAsync(ComparisonCard.Build(messages, knowledge.Current), cancellationToken).ConfigureAwait(false);
                return true;
            case HostIntent.Ask:
                await turn.SendTextAsync(messages.Ask.Text, cancellationToken).ConfigureAwait(false);
                return true;
            case HostIntent.Greeting:
                await turn.SendCardAsync(WelcomeCard.Build(messages, shared), cancellationToken).ConfigureAwait(false);
                return true;
            default:
                return false;
        }
    }
}

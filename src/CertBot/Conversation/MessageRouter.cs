using CertBot.Conversation.Features;
using CertBot.Dialogs;
using CertBot.Protocol.Hosting;

namespace CertBot.Conversation;

/// <summary>
/// Routes a typed message through <see cref="MessageRouteTable"/> to the one handler of its feature: the interview,
/// the FAQ, or a feature handler. During an interview, a detour (a question, a feature) is answered and the pending
/// question asked again.
/// </summary>
public sealed class MessageRouter(
    ProfileInterview interview,
    FaqResponder faq,
    Catalogues catalogues,
    HelpFeature help,
    CardFeatures features,
    AskFeature ask,
    ShareFeature share,
    ResultFeature result,
    SmallTalkFeature smallTalk)
{
    public async Task HandleAsync(ITurnContext turn, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (string.IsNullOrWhiteSpace(text))
        {
            await help.RunAsync(turn, null, cancellationToken).ConfigureAwait(false);
            return;
        }

        var reading = Read(turn, text);
        var route = await MessageRouteTable.SelectAsync(reading, cancellationToken).ConfigureAwait(false);
        var active = reading.State.Status == DialogStatus.Active;
        switch (route)
        {
            case MessageRoute.Command:
                await CommandAsync(turn, reading, cancellationToken).ConfigureAwait(false);
                return;
            case MessageRoute.PendingAnswer:
            case MessageRoute.Edit:
                await interview.PresentAsync(turn, await reading.StepAsync(cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
                return;
            case MessageRoute.Intent:
                if (await IntentAsync(turn, reading, cancellationToken).ConfigureAwait(false) && active)
                {
                    await interview.ResumeAsync(turn, cancellationToken).ConfigureAwait(false);
                }

                return;
            case MessageRoute.Question:
                await faq.RespondAsync(turn, text, await reading.FaqAsync(cancellationToken).ConfigureAwait(false), AskerOf(reading), cancellationToken).ConfigureAwait(false);
                if (active)
                {
                    await interview.ResumeAsync(turn, cancellationToken).ConfigureAwait(false);
                }

                return;
            case MessageRoute.Facts when reading.State.Status == DialogStatus.Complete && !reading.StatesWholeProfile:
                // Some new facts after a recommendation the dialog did not take as an edit: a new interview that keeps what they do not replace.
                await interview.ReviseAsync(turn, reading.Facts, cancellationToken).ConfigureAwait(false);
                return;
            case MessageRoute.Facts:
                await interview.BeginAsync(turn, text, cancellationToken).ConfigureAwait(false);
                return;
            default:
                if (active)
                {
                    await interview.RejectAsync(turn, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await faq.RespondAsync(turn, text, await reading.FaqAsync(cancellationToken).ConfigureAwait(false), AskerOf(reading), cancellationToken).ConfigureAwait(false);
                }

                return;
        }
    }

    /// <summary>The reading of one message for the person who sent it, against one knowledge generation.</summary>
    public MessageReading Read(ITurnContext turn, string text)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return Read(ProfileInterview.StateOf(turn), text, faq.SnapshotOf(turn), catalogues.For(turn));
    }

    /// <summary>The reading of a message for an interview state, against one knowledge generation (also for evaluation tools).</summary>
    public MessageReading Read(DialogState state, string text, KnowledgeSnapshot snapshot) => Read(state, text, snapshot, catalogues.Default);

    /// <summary>The reading of a message in one language's dialog and phrases.</summary>
    public MessageReading Read(DialogState state, string text, KnowledgeSnapshot snapshot, LocaleCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(catalogue);
        return new MessageReading(
            text,
            state,
            catalogue.Dialog,
            catalogue.Intents,
            (reading, ct) => state.Status == DialogStatus.Idle && reading.Command != DialogCommand.Change
                ? ValueTask.FromResult(new DialogTurn(DialogTurnKind.NotUnderstood, state, [], null, null))
                : interview.ReadAsync(catalogue.Dialog, state, text, reading.Facts, ct),
            (reading, ct) => faq.MatchAsync(snapshot, text, AskerOf(reading), ct));
    }

    /// <summary>
    /// Who asks: the role the message itself states (questions included: "I'm a DS, how do I..."), and the role and
    /// target cloud the interview has recorded so far.
    /// </summary>
    private static FaqAsker AskerOf(MessageReading reading) => new(
        // "what's the credential for people who build and deploy models?" names a role but not the asker's.
        reading.SpeaksOfSelf ? RoleIn(reading.Facts.ValueOf(LearnerProfileMapping.RoleSlot)) : null,
        RoleIn(reading.State.ValueOf(LearnerProfileMapping.RoleSlot)),
        reading.State.ValueOf(LearnerProfileMapping.CloudSlot) is { } cloud && LearnerWireNames.TryParseCloud(cloud, out var target) ? target : null)
    {
        // Only where someone comes from: an ML engineer named in a question is where every path leads ("how do I
        // become an ML engineer?"), not who is asking.
        MentionedRole = new(() => RoleIn(reading.MentionedRole) is { } named && named != Role.MlPractitioner ? named : null, LazyThreadSafetyMode.None),
    };

    private static Role? RoleIn(string? wire) => wire is not null && LearnerWireNames.TryParseRole(wire, out var role) ? role : null;

    private async Task CommandAsync(ITurnContext turn, MessageReading reading, CancellationToken cancellationToken)
    {
        if (reading.State.Status != DialogStatus.Idle)
        {
            await interview.PresentAsync(turn, await reading.StepAsync(cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            return;
        }

        switch (reading.Command)
        {
            case DialogCommand.ForgetMe:
                await interview.PresentAsync(turn, new DialogTurn(DialogTurnKind.ForgetRequested, DialogState.Idle, [], null, null), cancellationToken).ConfigureAwait(false);
                return;
            case DialogCommand.StartOver:
                await interview.RestartAsync(turn, cancellationToken).ConfigureAwait(false);
                return;
            default:
                // Help, or a cancel with nothing to cancel.
                await help.RunAsync(turn, null, cancellationToken).ConfigureAwait(false);
                return;
        }
    }

    /// <summary>Runs the feature; true when the pending interview question should follow.</summary>
    private async Task<bool> IntentAsync(ITurnContext turn, MessageReading reading, CancellationToken cancellationToken)
    {
        switch (reading.Intent)
        {
            case HostIntent.Feature when features.Find(reading.Feature) is { } feature:
                await feature.RunAsync(turn, null, cancellationToken).ConfigureAwait(false);
                return true;
            case HostIntent.Ask:
                await ask.RunAsync(turn, cancellationToken).ConfigureAwait(false);
                return true;
            case HostIntent.Share:
                await share.RunAsync(turn, null, cancellationToken).ConfigureAwait(false);
                return true;
            case HostIntent.Result:
                await result.RunAsync(turn, cancellationToken).ConfigureAwait(false);
                return true;
            case HostIntent.None:
                // A trigger: a new interview after a recommendation, the same one resumed while it runs.
                await interview.BeginAsync(turn, reading.Text, cancellationToken).ConfigureAwait(false);
                return false;
            default:
                await smallTalk.RunAsync(turn, reading.Intent, reading.State.Status, cancellationToken).ConfigureAwait(false);
                return true;
        }
    }
}

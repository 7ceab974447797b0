using CertBot.Dialogs;

namespace CertBot.Conversation;

/// <summary>
/// The ranked routes of a typed message: command, pending answer, edit, intent, question, facts. The first route
/// whose rule holds wins; each rule asks the <see cref="MessageReading"/> only what it needs, so cheap routes decide
/// before expensive readings (dialog step, FAQ) are computed.
/// </summary>
public static class MessageRouteTable
{
    /// <summary>The routes in rank order with the rule that selects each.</summary>
    public static IReadOnlyList<(MessageRoute Route, Func<MessageReading, CancellationToken, ValueTask<bool>> Applies)> Routes { get; } =
    [
        (MessageRoute.Command, static (r, _) => ValueTask.FromResult(IsWholeCommand(r.Command))),
        (MessageRoute.PendingAnswer, static async (r, ct) => r.State.Status == DialogStatus.Active
            && (await r.StepAsync(ct).ConfigureAwait(false)).Kind is not (DialogTurnKind.NotUnderstood or DialogTurnKind.Edited)),
        // A whole new profile after a recommendation ("DS, 4 yrs, we're an AWS shop") is a new profile, not an edit of one
        // fact; and a question the FAQ can answer is answered even when its context says things about the person
        // ("I've never done ML... how long would it take me to prepare?"), unless it opens with an edit cue ("what about AWS?").
        (MessageRoute.Edit, static async (r, ct) => (r.State.Status != DialogStatus.Idle || r.Command == DialogCommand.Change)
            && !(r.State.Status == DialogStatus.Complete && r.StatesWholeProfile && r.Command is null)
            && (await r.StepAsync(ct).ConfigureAwait(false)).Kind == DialogTurnKind.Edited
            && (r.Command == DialogCommand.Change || r.OpensWithProposal || !r.IsQuestion
                || (await r.FaqAsync(ct).ConfigureAwait(false)).Kind is not (FaqMatchKind.Answer or FaqMatchKind.NotHeld))),
        (MessageRoute.Intent, static (r, _) => ValueTask.FromResult(r.Intent != HostIntent.None || r.IsTrigger)),
        // A question goes to the FAQ; a statement of facts about oneself only when the FAQ has an answer for it anyway
        // would be wrong ("ml engineer, 6 months, azure" is a profile), so facts win unless the text asks.
        // A whole profile is a profile even with a question mark ("ml engineer, 2 yrs, AI-103 looked relevant?? we're on azure").
        (MessageRoute.Question, static async (r, ct) => !r.StatesWholeProfile
            && ((r.IsQuestion && r.Facts.IsEmpty)
                || ((r.IsQuestion || r.Facts.IsEmpty) && (await r.FaqAsync(ct).ConfigureAwait(false)).Kind is FaqMatchKind.Answer or FaqMatchKind.NotHeld))),
        (MessageRoute.Facts, static (r, _) => ValueTask.FromResult(!r.Facts.IsEmpty)),
    ];

    /// <summary>The route of a message: the first whose rule holds, else <see cref="MessageRoute.NotUnderstood"/>.</summary>
    public static async ValueTask<MessageRoute> SelectAsync(MessageReading reading, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reading);
        foreach (var (route, applies) in Routes)
        {
            if (await applies(reading, cancellationToken).ConfigureAwait(false))
            {
                return route;
            }
        }

        return MessageRoute.NotUnderstood;
    }

    private static bool IsWholeCommand(DialogCommand? command) =>
        command is DialogCommand.Help or DialogCommand.Cancel or DialogCommand.StartOver or DialogCommand.ForgetMe;
}

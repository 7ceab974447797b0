using CertBot.Dialogs;
using CertBot.Protocol.Hosting;
using CertBot.Teams;

namespace CertBot.Conversation.Features;

/// <summary>
/// A tap on "How long have you used AWS?" in Teams (Action.Execute): the years are stored, readiness is judged again
/// and the invoke response carries the refreshed card, so Teams replaces the card in place instead of adding one.
/// Other clients send the tap as Action.Submit, which takes the interview's usual path and posts the updated card.
/// </summary>
public sealed class CloudYearsFeature(ProfileInterview interview, Catalogues catalogues)
{
    /// <summary>True when it answered the invoke with a refreshed card; false leaves the tap to the interview.</summary>
    public bool TryRefresh(ITurnContext turn, string value)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var state = ProfileInterview.StateOf(turn);
        if (state.Status != DialogStatus.Complete)
        {
            return false;
        }

        var result = catalogues.For(turn).Dialog.Continue(state, DialogInput.FromChoice(LearnerProfileMapping.CloudYearsSlot, value));
        if (result.Kind != DialogTurnKind.Edited || result.Prompt is not null
            || result.Values is not { } values || !LearnerProfileMapping.TryFromSlots(values, out var profile))
        {
            return false;
        }

        turn.State.User(HostJsonContext.Default.CertBotUserState).Dialog = result.State;
        turn.InvokeResponse = AdaptiveCardInvoke.CardResponse(interview.RecommendationCardFor(turn, profile));
        return true;
    }
}

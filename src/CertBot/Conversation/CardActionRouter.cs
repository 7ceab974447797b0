using System.Text.Json;
using CertBot.Composition;
using CertBot.Curation;
using CertBot.Dialogs;
using CertBot.Knowledge;
using CertBot.Protocol.Hosting;
using CertBot.Protocol.Schema;
using CertBot.Teams;

namespace CertBot.Conversation;

/// <summary>
/// Handles CertBot's card buttons, whether the click arrives as <c>value</c> on a message (Action.Submit)
/// or inside an <c>adaptiveCard/action</c> invoke (Action.Execute). The clicker is always the person
/// acted for, so "Get my own recommendation" on a shared card starts the colleague's own interview.
/// </summary>
public sealed partial class CardActionRouter(
    ProfileInterview interview,
    FaqResponder faq,
    CuratorLog curatorLog,
    IKnowledgeSource knowledge,
    BotMessages messages,
    ILogger<CardActionRouter> logger)
{
    /// <summary>Reads the button payload; null when it is not one of ours.</summary>
    public static CardActionData? Parse(JsonElement? value)
    {
        if (value is not { ValueKind: JsonValueKind.Object } element)
        {
            return null;
        }

        try
        {
            var data = element.Deserialize(HostJsonContext.Default.CardActionData);
            return string.IsNullOrWhiteSpace(data?.Action) ? null : data;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Runs the action; the returned text, if any, is a short acknowledgement for invoke callers.</summary>
    public async Task HandleAsync(ITurnContext turn, CardActionData data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(data);
        var shared = ConversationKind.IsShared(turn.Activity);
        switch (data.Action)
        {
            case CardActions.StartRecommendation:
            case CardActions.GetMyOwn:
            case CardActions.StartOver:
                await interview.StartAsync(turn, null, cancellationToken).ConfigureAwait(false);
                break;
            case CardActions.Compare:
                await turn.SendCardAsync(ComparisonCard.Build(messages, knowledge.Current), cancellationToken).ConfigureAwait(false);
                break;
            case CardActions.Ask:
                await turn.SendTextAsync(messages.Ask.Text, cancellationToken).ConfigureAwait(false);
                break;
            case CardActions.Help:
                await turn.SendCardAsync(HelpCard.Build(messages, shared), cancellationToken).ConfigureAwait(false);
                break;
            case CardActions.ProfileAnswer when data.Slot is not null && data.Value is not null:
                await AnswerAsync(turn, data.Slot, data.Value, cancellationToken).ConfigureAwait(false);
                break;
            case CardActions.FaqAsk when await faq.AnswerByIdAsync(turn, data.FaqId, cancellationToken).ConfigureAwait(false):
                break;
            case CardActions.FaqFeedback when data.FaqId is not null && data.Helpful is not null:
                await FeedbackAsync(turn, data.FaqId, data.Helpful.Value, cancellationToken).ConfigureAwait(false);
                break;
            case CardActions.ShareRecommendation when LearnerProfileMapping.TryFromShared(data.Profile, out var profile):
                await ShareAsync(turn, profile, cancellationToken).ConfigureAwait(false);
                break;
            default:
                LogUnknownAction(data.Action ?? "");
                await turn.SendTextAsync(messages.Errors.UnknownAction, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private async Task AnswerAsync(ITurnContext turn, string slot, string value, CancellationToken cancellationToken)
    {
        var dialog = interview.Dialog;
        var state = turn.State.User(HostJsonContext.Default.CertBotUserState).Dialog ?? DialogState.Idle;
        if (state.Status == DialogStatus.Idle)
        {
            // Someone pressed a choice on a card that was not asked of them (e.g. in a channel): start their own interview with it.
            state = dialog.Begin(DialogState.Idle, null).State;
        }

        await interview.PresentAsync(turn, dialog.Continue(state, DialogInput.FromChoice(slot, value)), cancellationToken).ConfigureAwait(false);
    }

    private async Task FeedbackAsync(ITurnContext turn, string faqId, bool helpful, CancellationToken cancellationToken)
    {
        var entry = knowledge.Current.FindFaq(faqId);
        await curatorLog.RecordAsync(
            helpful ? CuratorEventKinds.Helpful : CuratorEventKinds.NotHelpful,
            entry?.Question ?? faqId,
            faqId,
            cancellationToken).ConfigureAwait(false);
        var thanks = helpful ? messages.Faq.FeedbackThanks : messages.Faq.FeedbackSorry;

        // Acknowledge without cluttering the chat: replace the answer card's buttons with a short note.
        // An invoke (Action.Execute) gets the new card in its response; a submit updates the card message.
        var updated = entry is null ? null : FaqAnswerCard.Build(messages, knowledge.Current, entry, thanks);
        if (turn.Activity.Type == ActivityTypes.Invoke && updated is not null)
        {
            turn.InvokeResponse = AdaptiveCardInvoke.CardResponse(updated);
            return;
        }

        if (updated is not null && turn.Activity.ReplyToId is { } cardMessageId && !turn.BuffersReplies)
        {
            var replacement = CardAttachment.Message(updated);
            replacement.Id = cardMessageId;
            try
            {
                await turn.UpdateActivityAsync(replacement, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (CertBot.Protocol.Connector.ConnectorException)
            {
                // The card could not be replaced (e.g. too old); fall back to a short reply.
            }
        }

        await turn.SendTextAsync(thanks, cancellationToken).ConfigureAwait(false);
    }

    private async Task ShareAsync(ITurnContext turn, LearnerProfile profile, CancellationToken cancellationToken)
    {
        var snapshot = knowledge.Snapshot;
        var recommendation = snapshot.Recommender.Recommend(profile);
        var name = ConversationKind.DisplayName(turn.Activity, messages.Channel.AnonymousName);
        var card = RecommendationCard.Build(messages, snapshot.Knowledge, recommendation, new RecommendationCardOptions(SharedBy: name));
        if (ConversationKind.IsShared(turn.Activity))
        {
            // The bot is in this group chat or channel: post the shareable card for everyone.
            await turn.SendTextAsync(MessageTemplate.Fill(messages.Share.GroupPosted, ("name", name)), cancellationToken).ConfigureAwait(false);
            await turn.SendCardAsync(card, cancellationToken).ConfigureAwait(false);
            return;
        }

        // In a personal chat the bot cannot post elsewhere: explain the message extension and hand over a forwardable card.
        await turn.SendTextAsync(messages.Share.PersonalHint, cancellationToken).ConfigureAwait(false);
        await turn.SendTextAsync(messages.Share.ForwardText, cancellationToken).ConfigureAwait(false);
        await turn.SendCardAsync(card, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ignored a card action with unknown name {Action}")]
    private partial void LogUnknownAction(string action);
}

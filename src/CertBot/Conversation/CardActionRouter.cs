using System.Collections.Frozen;
using System.Text.Json;
using CertBot.Composition;
using CertBot.Conversation.Features;
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
    TurnKnowledge knowledge,
    Catalogues catalogues,
    CardFeatures features,
    AskFeature ask,
    ShareFeature share,
    CloudYearsFeature cloudYears,
    ILogger<CardActionRouter> logger)
{
    /// <summary>The actions this router handles itself, matched before any feature's; no feature may take one of these names.</summary>
    public static FrozenSet<string> BuiltInActions { get; } = FrozenSet.Create(
        StringComparer.Ordinal,
        CardActions.StartRecommendation, CardActions.GetMyOwn, CardActions.StartOver, CardActions.Ask,
        CardActions.ProfileAnswer, CardActions.FaqAsk, CardActions.FaqFeedback, CardActions.ShareRecommendation);

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
        switch (data.Action)
        {
            case CardActions.StartRecommendation:
                await interview.BeginAsync(turn, null, cancellationToken).ConfigureAwait(false);
                break;
            case CardActions.GetMyOwn:
            case CardActions.StartOver:
                await interview.RestartAsync(turn, cancellationToken).ConfigureAwait(false);
                break;
            case CardActions.Ask:
                await ask.RunAsync(turn, cancellationToken).ConfigureAwait(false);
                break;
            case CardActions.ProfileAnswer when data.Slot == LearnerProfileMapping.CloudYearsSlot && data.Value is not null
                && turn.Activity.Type == ActivityTypes.Invoke && cloudYears.TryRefresh(turn, data.Value):
                break;
            case CardActions.ProfileAnswer when data.Slot is not null && data.Value is not null:
                await interview.AnswerAsync(turn, data.Slot, data.Value, cancellationToken).ConfigureAwait(false);
                break;
            case CardActions.FaqAsk when await faq.AnswerByIdAsync(turn, data.FaqId, cancellationToken).ConfigureAwait(false):
                break;
            case CardActions.FaqFeedback when data.FaqId is not null && data.Helpful is not null:
                await FeedbackAsync(turn, data.FaqId, data.Helpful.Value, data.Asked, cancellationToken).ConfigureAwait(false);
                break;
            case CardActions.ShareRecommendation when LearnerProfileMapping.TryFromShared(data.Profile, out var profile):
                await share.RunAsync(turn, profile, cancellationToken).ConfigureAwait(false);
                break;
            case { } action when features.Find(action) is { } feature:
                // After every built-in action: a feature's button (compare, help, and any feature added since).
                await feature.RunAsync(turn, data, cancellationToken).ConfigureAwait(false);
                break;
            default:
                LogUnknownAction(data.Action);
                await turn.SendTextAsync(catalogues.For(turn).Messages.Errors.UnknownAction, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private async Task FeedbackAsync(ITurnContext turn, string faqId, bool helpful, string? asked, CancellationToken cancellationToken)
    {
        var snapshot = knowledge.For(turn);
        var entry = snapshot.Knowledge.FindFaq(faqId);
        // The words people typed show a curator when the answer did not fit the question (an AWS question given a
        // Google answer); the FAQ's own question stands in only when a button, not typed words, led to the answer.
        await curatorLog.RecordAsync(
            helpful ? CuratorEventKinds.Helpful : CuratorEventKinds.NotHelpful,
            string.IsNullOrWhiteSpace(asked) ? entry?.Question ?? faqId : asked,
            faqId,
            cancellationToken).ConfigureAwait(false);
        var messages = catalogues.For(turn).Messages;
        var thanks = helpful ? messages.Faq.FeedbackThanks : messages.Faq.FeedbackSorry;

        // Acknowledge without cluttering the chat: replace the answer card's buttons with a short note.
        // An invoke (Action.Execute) gets the new card in its response; a submit updates the card message.
        var updated = entry is null ? null : FaqAnswerCard.Build(messages, snapshot.Knowledge, entry, thanks);
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

    // The action name comes from the wire: cut and stripped of control characters before it reaches the log.
    private void LogUnknownAction(string? action)
    {
        if (logger.IsEnabled(LogLevel.Information))
        {
#pragma warning disable CA1873 // Guarded by IsEnabled just above; the analyzer does not see through the generated method.
            LogUnknownActionName(CertBot.Protocol.Diagnostics.WireText.ForLog(action));
#pragma warning restore CA1873
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ignored a card action with unknown name {Action}")]
    private partial void LogUnknownActionName(string action);
}

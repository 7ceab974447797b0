using System.Text.Json;
using CertBot.Composition;
using CertBot.Protocol.Hosting;
using CertBot.Protocol.Schema;
using CertBot.Teams;

namespace CertBot.Conversation;

/// <summary>CertBot's bot: welcomes on install, routes messages, button clicks and Teams invokes.</summary>
public sealed partial class CertBotActivityHandler(
    MessageRouter messages,
    CardActionRouter actions,
    MessageExtension messageExtension,
    Catalogues catalogues,
    ILogger<CertBotActivityHandler> logger) : ActivityHandler
{
    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(membersAdded);
        ArgumentNullException.ThrowIfNull(turnContext);
        var botId = turnContext.Activity.Recipient?.Id;
        if (botId is null || !membersAdded.Any(member => member.Id == botId))
        {
            // Ordinary members joining a team are not greeted one by one.
            return;
        }

        var conversation = turnContext.State.Conversation(HostJsonContext.Default.CertBotConversationState);
        if (conversation.Welcomed)
        {
            return;
        }

        conversation.Welcomed = true;
        await turnContext.SendCardAsync(WelcomeCard.Build(catalogues.For(turnContext).Messages, ConversationKind.IsShared(turnContext.Activity)), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Uninstall: forget the conversation. The welcome is driven by conversationUpdate only, so install never welcomes twice.</summary>
    protected override Task OnInstallationUpdateAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (turnContext.Activity.Action?.StartsWith("remove", StringComparison.OrdinalIgnoreCase) == true)
        {
            turnContext.State.DeleteConversation();
        }

        return Task.CompletedTask;
    }

    protected override async Task OnMessageAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        if (activity.Value is { ValueKind: JsonValueKind.Object } && string.IsNullOrWhiteSpace(activity.Text))
        {
            // A card button (Action.Submit). In channels these arrive without an @mention and are always for us.
            var data = CardActionRouter.Parse(activity.Value);
            if (data is null)
            {
                await turnContext.SendTextAsync(catalogues.For(turnContext).Messages.Errors.UnknownAction, cancellationToken).ConfigureAwait(false);
                return;
            }

            await actions.HandleAsync(turnContext, data, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (ConversationKind.IsShared(activity) && !ConversationKind.MentionsBot(activity))
        {
            LogIgnoredUnmentioned();
            return;
        }

        var text = activity.RemoveRecipientMention() ?? "";
        await messages.HandleAsync(turnContext, text.Trim(), cancellationToken).ConfigureAwait(false);
    }

    protected override async Task<InvokeResponse> OnInvokeAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        switch (activity.Name)
        {
            case "adaptiveCard/action":
                return await OnAdaptiveCardActionAsync(turnContext, cancellationToken).ConfigureAwait(false);
            case "composeExtension/query":
                var query = MessageExtension.ReadQuery(activity.Value);
                return query is null
                    ? new InvokeResponse(400)
                    : messageExtension.Query(turnContext, query, catalogues.For(turnContext), ConversationKind.DisplayName(activity, catalogues.For(turnContext).Messages.Channel.AnonymousName));
            case null or "" when CardActionRouter.Parse(activity.Value) is { } data:
                // A Bot Framework card button of type "invoke" (no name on msteams).
                await actions.HandleAsync(turnContext, data, cancellationToken).ConfigureAwait(false);
                return turnContext.InvokeResponse ?? new InvokeResponse(200);
            default:
                return await base.OnInvokeAsync(turnContext, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<InvokeResponse> OnAdaptiveCardActionAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var words = catalogues.For(turnContext).Messages.Invoke;
        AdaptiveCardInvokeValue? value = null;
        try
        {
            value = turnContext.Activity.Value is { ValueKind: JsonValueKind.Object } raw ? raw.Deserialize(TeamsJsonContext.Default.AdaptiveCardInvokeValue) : null;
        }
        catch (JsonException)
        {
            // Reported as BadRequest below.
        }

        if (value?.Action is null)
        {
            return AdaptiveCardInvoke.BadRequest("BadRequest", words.MissingAction);
        }

        if (!string.Equals(value.Action.Type, "Action.Execute", StringComparison.Ordinal))
        {
            return AdaptiveCardInvoke.BadRequest("NotSupported", words.NotSupported);
        }

        var data = CardActionRouter.Parse(value.Action.Data);
        if (data is null)
        {
            return AdaptiveCardInvoke.BadRequest("BadRequest", words.UnknownData);
        }

        turnContext.InvokeResponse = null;
        await actions.HandleAsync(turnContext, data, cancellationToken).ConfigureAwait(false);
        return turnContext.InvokeResponse ?? AdaptiveCardInvoke.MessageResponse(words.Done);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ignored a message in a shared conversation that did not mention the bot")]
    private partial void LogIgnoredUnmentioned();
}

using System.Text.Json;
using CertBot.Composition;
using CertBot.Conversation;
using CertBot.Dialogs;
using CertBot.Protocol.Hosting;
using CertBot.Protocol.Schema;

namespace CertBot.Teams;

/// <summary>
/// Questions about someone's experience are personal: when a recommendation is asked for in a group chat or
/// channel, CertBot opens (or reuses) its personal chat with that person and asks there. Teams lets a bot do
/// this only when the app is installed for the user; when it is not, the interview stays in the channel.
/// </summary>
public sealed partial class PersonalChatHandoff(Catalogues catalogues, ILogger<PersonalChatHandoff> logger)
{
    public async Task<bool> TryMoveAsync(ITurnContext turn, DialogTurn firstStep, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(firstStep);
        var activity = turn.Activity;
        var catalogue = catalogues.For(turn);
        var messages = catalogue.Messages;
        var tenantId = ConversationKind.TenantId(activity);
        if (turn.BuffersReplies || tenantId is null || activity.From?.Id is null || firstStep.Prompt is null)
        {
            return false;
        }

        try
        {
            var conversation = await turn.CreateConversationAsync(new ConversationParameters
            {
                IsGroup = false,
                Bot = activity.Recipient,
                Members = [new ChannelAccount { Id = activity.From.Id }],
                TenantId = tenantId,
                ChannelData = JsonSerializer.SerializeToElement(new TenantChannelData(new TenantInfo(tenantId)), TeamsJsonContext.Default.TenantChannelData),
            }, cancellationToken).ConfigureAwait(false);
            if (conversation.Id is null)
            {
                return false;
            }

            await turn.SendToConversationAsync(conversation.Id, TurnReplies.Text(messages.Channel.PersonalIntro), cancellationToken).ConfigureAwait(false);
            foreach (var message in firstStep.Messages)
            {
                await turn.SendToConversationAsync(conversation.Id, TurnReplies.Text(message), cancellationToken).ConfigureAwait(false);
            }

            await turn.SendToConversationAsync(conversation.Id, CardAttachment.Message(PromptCard.Build(messages, firstStep.Prompt, null)), cancellationToken).ConfigureAwait(false);
            var name = ConversationKind.DisplayName(activity, messages.Channel.AnonymousName);
            await turn.SendTextAsync(TemplateText.Fill(messages.Channel.MovedToPersonal, ("name", name)), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is CertBot.Protocol.Connector.ConnectorException or HttpRequestException or InvalidOperationException or NotSupportedException)
        {
            LogHandoffFailed(ex);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Could not open a personal chat; the interview continues in the shared conversation")]
    private partial void LogHandoffFailed(Exception exception);
}

using CertBot.Composition;
using CertBot.Dialogs;
using CertBot.Protocol.Hosting;
using CertBot.Teams;

namespace CertBot.Conversation.Features;

/// <summary>Hi, thanks, bye, ok, 👍: a short friendly reply and the next useful step, never "I don't know that one".</summary>
public sealed class SmallTalkFeature(Catalogues catalogues)
{
    public async Task RunAsync(ITurnContext turn, HostIntent intent, DialogStatus status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var messages = catalogues.For(turn).Messages;
        var talk = messages.SmallTalk;
        if (intent == HostIntent.Greeting && status == DialogStatus.Idle)
        {
            await turn.SendCardAsync(WelcomeCard.Build(messages, ConversationKind.IsShared(turn.Activity)), cancellationToken).ConfigureAwait(false);
            return;
        }

        var next = status switch
        {
            DialogStatus.Active => talk.NextActive,
            DialogStatus.Complete => talk.NextComplete,
            _ => talk.NextIdle,
        };
        var template = intent switch
        {
            HostIntent.Greeting => talk.Greeting,
            HostIntent.Thanks => talk.Thanks,
            HostIntent.Bye => talk.Bye,
            _ => talk.Acknowledge,
        };
        await turn.SendTextAsync(TemplateText.Fill(template, ("next", next)), cancellationToken).ConfigureAwait(false);
    }
}

using CertBot.Conversation;
using CertBot.Dialogs;
using CertBot.Dialogs.Definition;
using CertBot.Dialogs.Extraction;
using CertBot.Knowledge.Faq;

namespace CertBot.Tests.Conversation;

/// <summary>
/// The ranked route table on its own, without HTTP: the real dialog vocabulary and intent phrases, with the dialog step
/// and the FAQ reading scripted per row so each rule's rank is what is tested.
/// </summary>
public sealed class MessageRouteTableTests
{
    private static readonly string Dialogs = Path.Combine(AppContext.BaseDirectory, "dialogs");
    private static readonly ProfileDialog Dialog = CreateDialog();
    private static readonly HostIntentRecognizer Intents = new(BotMessages.Load(Path.Combine(Dialogs, "messages.en.yaml")));

    public static TheoryData<DialogStatus, string, DialogTurnKind, FaqMatchKind, MessageRoute> Rows => new()
    {
        // Commands outrank everything.
        { DialogStatus.Active, "start over", DialogTurnKind.Restarted, FaqMatchKind.Answer, MessageRoute.Command },
        { DialogStatus.Idle, "forget me", DialogTurnKind.NotUnderstood, FaqMatchKind.OutOfScope, MessageRoute.Command },
        // A pending answer outranks the FAQ, even when the FAQ would answer.
        { DialogStatus.Active, "3 years", DialogTurnKind.Asked, FaqMatchKind.Answer, MessageRoute.PendingAnswer },
        // An edit after a recommendation; a question the FAQ answers is not an edit unless an edit cue opens it.
        { DialogStatus.Complete, "actually I have 5 years", DialogTurnKind.Edited, FaqMatchKind.OutOfScope, MessageRoute.Edit },
        { DialogStatus.Complete, "what about AWS?", DialogTurnKind.Edited, FaqMatchKind.Answer, MessageRoute.Edit },
        { DialogStatus.Complete, "I have never done ML, how long would it take me to prepare?", DialogTurnKind.Edited, FaqMatchKind.Answer, MessageRoute.Question },
        // A whole new profile after a recommendation is not an edit of one fact.
        { DialogStatus.Complete, "DS, 4 yrs, we're an AWS shop", DialogTurnKind.Edited, FaqMatchKind.OutOfScope, MessageRoute.Facts },
        // Intents: features and small talk, before the FAQ.
        { DialogStatus.Idle, "what can you do", DialogTurnKind.NotUnderstood, FaqMatchKind.DidYouMean, MessageRoute.Intent },
        { DialogStatus.Complete, "share my recommendation", DialogTurnKind.NotUnderstood, FaqMatchKind.OutOfScope, MessageRoute.Intent },
        { DialogStatus.Active, "thanks!", DialogTurnKind.NotUnderstood, FaqMatchKind.OutOfScope, MessageRoute.Intent },
        { DialogStatus.Idle, "which cert should I get?", DialogTurnKind.NotUnderstood, FaqMatchKind.Answer, MessageRoute.Intent },
        // Questions go to the FAQ; facts about oneself start the interview.
        { DialogStatus.Idle, "how long is the AWS exam itself?", DialogTurnKind.NotUnderstood, FaqMatchKind.Answer, MessageRoute.Question },
        { DialogStatus.Idle, "tell me about the Azure DP-100 exam", DialogTurnKind.NotUnderstood, FaqMatchKind.Answer, MessageRoute.Question },
        { DialogStatus.Idle, "DS, 4 yrs, we're an AWS shop", DialogTurnKind.NotUnderstood, FaqMatchKind.Answer, MessageRoute.Facts },
        { DialogStatus.Idle, "backend dev, zero ML", DialogTurnKind.NotUnderstood, FaqMatchKind.OutOfScope, MessageRoute.Facts },
        // Nothing at all.
        { DialogStatus.Idle, "purple monkey dishwasher", DialogTurnKind.NotUnderstood, FaqMatchKind.OutOfScope, MessageRoute.NotUnderstood },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task SelectAsync_Message_TakesTheFirstRouteWhoseRuleHolds(DialogStatus status, string text, DialogTurnKind step, FaqMatchKind faq, MessageRoute expected)
    {
        var reading = Reading(status, text, step, faq);

        var route = await MessageRouteTable.SelectAsync(reading, CancellationToken.None);

        Assert.Equal(expected, route);
    }

    [Fact]
    public async Task SelectAsync_PendingAnswer_NeverAsksTheFaq()
    {
        var faqAsked = false;
        var reading = new MessageReading(
            "3 years",
            State(DialogStatus.Active),
            Dialog,
            Intents,
            (_, _) => ValueTask.FromResult(new DialogTurn(DialogTurnKind.Asked, State(DialogStatus.Active), [], null, null)),
            (_, _) =>
            {
                faqAsked = true;
                return ValueTask.FromResult(new FaqMatch(FaqMatchKind.OutOfScope, null, 0, [], null));
            });

        Assert.Equal(MessageRoute.PendingAnswer, await MessageRouteTable.SelectAsync(reading, CancellationToken.None));
        Assert.False(faqAsked);
    }

    private static MessageReading Reading(DialogStatus status, string text, DialogTurnKind step, FaqMatchKind faq) => new(
        text,
        State(status),
        Dialog,
        Intents,
        (_, _) => ValueTask.FromResult(new DialogTurn(step, State(status), [], null, null)),
        (_, _) => ValueTask.FromResult(new FaqMatch(faq, null, 0.9, [], null)));

    private static DialogState State(DialogStatus status) => status switch
    {
        DialogStatus.Idle => DialogState.Idle,
        DialogStatus.Active => new DialogState(DialogStatus.Active, "mlYears", new Dictionary<string, string> { ["role"] = "data-scientist" }, 0, []),
        _ => new DialogState(DialogStatus.Complete, null, new Dictionary<string, string> { ["role"] = "data-scientist", ["mlYears"] = "4", ["cloud"] = "azure" }, 0, []),
    };

    private static ProfileDialog CreateDialog()
    {
        var definition = DialogDefinitionLoader.Load(Path.Combine(Dialogs, "profile.dialog.en.yaml"));
        return new ProfileDialog(definition, new SlotExtractor(definition));
    }
}

using CertBot.Cards;
using CertBot.Composition;
using CertBot.Conversation;
using CertBot.Conversation.Features;
using CertBot.Protocol.Hosting;
using CertBot.Protocol.Schema;
using CertBot.Teams;
using CertBot.Text;

namespace CertBot.Tests.Conversation;

/// <summary>
/// A feature the test project defines through the same contract as the host's: a card reached by "give me a tip",
/// with a Submit button and an Execute button that both carry its name, and wording only from <c>features.tip</c>.
/// Ranked between result (300) and help (400).
/// </summary>
[CardFeature(Name, rank: 350)]
public sealed class TipFeature(Catalogues catalogues) : ICardFeature
{
    public const string Name = "tip";

    public Task RunAsync(ITurnContext turn, CardActionData? button, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var wording = catalogues.For(turn).Messages.Feature(Name);
        var text = button?.Value is { } number ? TemplateText.Fill(wording.Text("again"), ("number", number)) : wording.Text("first");
        var next = new CardActionData { Action = Name, Value = "2" };
        var card = new AdaptiveCard
        {
            Body =
            [
                new AdaptiveTextBlock { Id = Name, Text = wording.Text("title"), Weight = AdaptiveTextWeight.Bolder, Wrap = true, Style = AdaptiveTextBlockStyle.Heading },
                new AdaptiveTextBlock { Text = text, Wrap = true },
            ],
            Actions =
            [
                CardButtons.Submit(wording.Text("another"), next),
                new AdaptiveExecuteAction
                {
                    Title = wording.Text("refresh"),
                    Verb = Name,
                    Data = CardButtons.Payload(next),
                    Fallback = AdaptiveActionFallback.To(CardButtons.Submit(wording.Text("refresh"), next)),
                },
            ],
            FallbackText = text,
        };

        // Action.Execute replaces the card in place through the invoke response; everything else posts it.
        if (turn.Activity.Type == ActivityTypes.Invoke)
        {
            turn.InvokeResponse = AdaptiveCardInvoke.CardResponse(card);
            return Task.CompletedTask;
        }

        return turn.SendCardAsync(card, cancellationToken);
    }
}

using CertBot.Cards;
using CertBot.Conversation;
using CertBot.Dialogs;

namespace CertBot.Composition;

/// <summary>A dialog question with its choices as buttons (the person may also type the answer).</summary>
public static class PromptCard
{
    public static AdaptiveCard Build(BotMessages messages, DialogPrompt prompt, string? addressee)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(prompt);
        var format = messages.Format;
        var text = addressee is null ? prompt.Text : TemplateText.Fill(format.Addressed, ("name", CardText.Escape(addressee)), ("text", prompt.Text));
        return new AdaptiveCard
        {
            // The id names the slot, so clients and tests can tell which question is open.
            Body = [new AdaptiveTextBlock { Id = $"prompt-{prompt.Slot}", Text = text, Wrap = true }],
            Actions = prompt.Choices
                .Select(choice => (AdaptiveAction)CardButtons.Submit(choice.Title, new CardActionData { Action = CardActions.ProfileAnswer, Slot = prompt.Slot, Value = choice.Value }))
                .ToList(),
            FallbackText = prompt.Choices.Count == 0
                ? text
                : TemplateText.Fill(format.WithChoices, ("text", text), ("choices", string.Join(format.ChoiceSeparator, prompt.Choices.Select(choice => choice.Title)))),
        };
    }
}

using CertBot.Cards;
using CertBot.Conversation;
using CertBot.Dialogs;

namespace CertBot.Composition;

/// <summary>A dialog question with its choices as buttons (the person may also type the answer).</summary>
public static class PromptCard
{
    public static AdaptiveCard Build(DialogPrompt prompt, string? addressee)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        var text = addressee is null ? prompt.Text : $"{CardText.Escape(addressee)}, {prompt.Text}";
        return new AdaptiveCard
        {
            // The id names the slot, so clients and tests can tell which question is open.
            Body = [new AdaptiveTextBlock { Id = $"prompt-{prompt.Slot}", Text = text, Wrap = true }],
            Actions = prompt.Choices
                .Select(choice => (AdaptiveAction)CardButtons.Submit(choice.Title, new CardActionData { Action = CardActions.ProfileAnswer, Slot = prompt.Slot, Value = choice.Value }))
                .ToList(),
            FallbackText = prompt.Choices.Count == 0 ? text : $"{text} ({string.Join(" / ", prompt.Choices.Select(choice => choice.Title))})",
        };
    }
}

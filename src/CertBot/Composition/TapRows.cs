using CertBot.Cards;
using CertBot.Conversation;

namespace CertBot.Composition;

/// <summary>
/// Choices as a list of tappable lines (a container per line with an Action.Submit select action) instead of buttons:
/// a line wraps where a button title would be cut off, and the list is as compact on a phone as on a desktop.
/// </summary>
public static class TapRows
{
    public static AdaptiveContainer Build(TextFormats format, string? id, IEnumerable<(string Title, CardActionData Data)> choices)
    {
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(choices);
        return new AdaptiveContainer
        {
            Id = id,
            Spacing = AdaptiveSpacing.Small,
            Items = choices.Select(choice => (AdaptiveElement)new AdaptiveContainer
            {
                Spacing = AdaptiveSpacing.Small,
                SelectAction = CardButtons.Submit(choice.Title, choice.Data),
                Items = [new AdaptiveTextBlock { Text = TemplateText.Fill(format.TapRow, ("title", choice.Title)), Color = AdaptiveTextColor.Accent, Weight = AdaptiveTextWeight.Bolder, Wrap = true }],
            }).ToList(),
        };
    }
}

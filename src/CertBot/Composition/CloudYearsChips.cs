using CertBot.Cards;
using CertBot.Conversation;
using CertBot.Dialogs;

namespace CertBot.Composition;

/// <summary>
/// Quick answers for years on the target cloud, shown on the recommendation card when its readiness depends on them.
/// Each chip is a tappable column, so four fit on one row at phone width. Action.Execute lets Teams replace the card
/// in place with the re-judged one; clients without Universal Actions fall back to Action.Submit and get a new card.
/// </summary>
public static class CloudYearsChips
{
    public const string Verb = "cloud-years";

    public static IEnumerable<AdaptiveElement> Build(RecommendationMessages words, string cloudName, IReadOnlyList<DialogChoice> choices)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(choices);
        yield return new AdaptiveTextBlock
        {
            Id = "cloud-years-question",
            Text = TemplateText.Fill(words.CloudYearsQuestion, ("cloud", cloudName)),
            Wrap = true,
            Size = AdaptiveTextSize.Small,
            Spacing = AdaptiveSpacing.Medium,
        };
        yield return new AdaptiveColumnSet
        {
            Spacing = AdaptiveSpacing.Small,
            Columns = choices.Select(choice => new AdaptiveColumn
            {
                Width = AdaptiveColumnWidth.Stretch,
                Style = AdaptiveContainerStyle.Accent,
                Spacing = AdaptiveSpacing.Small,
                VerticalContentAlignment = AdaptiveVerticalContentAlignment.Center,
                SelectAction = Action(choice),
                Items =
                [
                    new AdaptiveTextBlock
                    {
                        Text = choice.Title,
                        Size = AdaptiveTextSize.Small,
                        Weight = AdaptiveTextWeight.Bolder,
                        Color = AdaptiveTextColor.Accent,
                        HorizontalAlignment = AdaptiveHorizontalAlignment.Center,
                        Wrap = true,
                    },
                ],
            }).ToList(),
        };
    }

    private static AdaptiveExecuteAction Action(DialogChoice choice)
    {
        var data = CardButtons.Payload(new CardActionData { Action = CardActions.ProfileAnswer, Slot = LearnerProfileMapping.CloudYearsSlot, Value = choice.Value });
        return new AdaptiveExecuteAction
        {
            Title = choice.Title,
            Verb = Verb,
            Data = data,
            Fallback = AdaptiveActionFallback.To(new AdaptiveSubmitAction { Title = choice.Title, Data = data }),
        };
    }
}

using CertBot.Cards;
using CertBot.Conversation;
using CertBot.Knowledge;

namespace CertBot.Composition;

/// <summary>
/// For someone who has not picked a cloud: the current exam of each cloud side by side by fit to this person
/// (level, readiness, preparation, cost), and how to find out which cloud a target employer runs.
/// </summary>
public static class DecisionAid
{
    public static IEnumerable<AdaptiveElement> Build(RecommendationMessages words, IReadOnlyList<CredentialReadiness> options)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(options);
        var aid = words.Undecided;
        yield return new AdaptiveTextBlock { Id = "compare-advice", Text = aid.Intro, Wrap = true, Spacing = AdaptiveSpacing.Small };
        var header = new AdaptiveTableRow
        {
            Style = AdaptiveContainerStyle.Emphasis,
            Cells = [Cell(aid.ExamColumn, bold: true), Cell(aid.ReadinessColumn, bold: true), Cell(aid.PrepColumn, bold: true), Cell(aid.CostColumn, bold: true)],
        };
        var rows = options.Select(option =>
        {
            var credential = option.Credential;
            var badge = ReadinessRow.BadgeWords(words.Readiness, option.Level);
            return new AdaptiveTableRow
            {
                Cells =
                [
                    new AdaptiveTableCell
                    {
                        Items =
                        [
                            // The card's contract ids live in the table row, the only place this card lists the exam.
                            new AdaptiveTextBlock { Id = $"credential-{credential.Id}", Text = credential.ShortName ?? credential.Name, Weight = AdaptiveTextWeight.Bolder, Size = AdaptiveTextSize.Small, Wrap = true },
                            new AdaptiveTextBlock { Text = words.Levels.GetValueOrDefault(LevelName(credential.Level), LevelName(credential.Level)), IsSubtle = true, Size = AdaptiveTextSize.Small, Wrap = true, Spacing = AdaptiveSpacing.None },
                        ],
                    },
                    new AdaptiveTableCell
                    {
                        Items = [new AdaptiveTextBlock { Id = ReadinessRow.BadgeId(option), Text = badge.Text, Color = badge.ToTextColor(), Weight = AdaptiveTextWeight.Bolder, Size = AdaptiveTextSize.Small, Wrap = true }],
                    },
                    Cell(credential.PreparationShort ?? credential.PreparationTime),
                    Cell(credential.CostShort ?? credential.Cost),
                ],
            };
        });
        yield return new AdaptiveTable
        {
            Id = "cloud-options",
            FirstRowAsHeader = true,
            ShowGridLines = false,
            Spacing = AdaptiveSpacing.Small,
            Columns =
            [
                new AdaptiveTableColumnDefinition { Width = AdaptiveColumnWidth.Weighted(3) },
                new AdaptiveTableColumnDefinition { Width = AdaptiveColumnWidth.Weighted(2) },
                new AdaptiveTableColumnDefinition { Width = AdaptiveColumnWidth.Weighted(2) },
                new AdaptiveTableColumnDefinition { Width = AdaptiveColumnWidth.Weighted(2) },
            ],
            Rows = [header, .. rows],
        };
        yield return new AdaptiveTextBlock { Text = aid.EmployerTitle, Weight = AdaptiveTextWeight.Bolder, Wrap = true, Spacing = AdaptiveSpacing.Medium };
        yield return new AdaptiveTextBlock { Id = "employer-tips", Text = aid.EmployerTips, Wrap = true, Size = AdaptiveTextSize.Small, Spacing = AdaptiveSpacing.None };
    }

    /// <summary>The level's key in messages.en.yaml (recommendation.levels).</summary>
    public static string LevelName(CredentialLevel level) => level.ToString().ToLowerInvariant();

    private static AdaptiveTableCell Cell(string text, bool bold = false) => new()
    {
        Items = [new AdaptiveTextBlock { Text = text, Size = AdaptiveTextSize.Small, Weight = bold ? AdaptiveTextWeight.Bolder : null, Wrap = true }],
    };
}

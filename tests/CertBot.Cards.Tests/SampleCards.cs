using System.Text.Json;

namespace CertBot.Cards.Tests;

/// <summary>Cards exercising every element and action type of the model, shared by several test classes.</summary>
internal static class SampleCards
{
    public static AdaptiveCard TextBlock() => Card(new AdaptiveTextBlock
    {
        Text = "Azure AI Engineer",
        Wrap = true,
        Size = AdaptiveTextSize.Medium,
        Weight = AdaptiveTextWeight.Bolder,
        Color = AdaptiveTextColor.Attention,
        IsSubtle = false,
        MaxLines = 2,
        HorizontalAlignment = AdaptiveHorizontalAlignment.Center,
        FontType = AdaptiveFontType.Monospace,
        Style = AdaptiveTextBlockStyle.Heading,
        Id = "title",
        Spacing = AdaptiveSpacing.Large,
        Separator = true,
        Height = AdaptiveHeight.Stretch,
    });

    public static AdaptiveCard RichTextBlock() => Card(new AdaptiveRichTextBlock
    {
        Inlines =
        [
            new AdaptiveTextRun { Text = "[not](a link)", Italic = true, Highlight = true },
            new AdaptiveTextRun
            {
                Text = "docs",
                Underline = true,
                Strikethrough = false,
                Weight = AdaptiveTextWeight.Lighter,
                Color = AdaptiveTextColor.Accent,
                IsSubtle = true,
                Size = AdaptiveTextSize.Small,
                SelectAction = new AdaptiveOpenUrlAction { Url = new Uri("https://learn.microsoft.com/") },
            },
        ],
    });

    public static AdaptiveCard FactSet() => Card(new AdaptiveFactSet
    {
        Facts = [new AdaptiveFact { Title = "Exam", Value = "AI-102" }, new AdaptiveFact { Title = "Cost", Value = "$165" }],
    });

    public static AdaptiveCard ColumnSet() => Card(new AdaptiveColumnSet
    {
        Style = AdaptiveContainerStyle.Emphasis,
        Bleed = true,
        Columns =
        [
            new AdaptiveColumn { Width = AdaptiveColumnWidth.Auto, Items = [Text("a")] },
            new AdaptiveColumn
            {
                Width = AdaptiveColumnWidth.Weighted(2),
                Items = [Text("b")],
                VerticalContentAlignment = AdaptiveVerticalContentAlignment.Center,
                SelectAction = Submit("col"),
            },
            new AdaptiveColumn { Width = AdaptiveColumnWidth.FixedPixels(50), Items = [Text("c")], Style = AdaptiveContainerStyle.Good },
            new AdaptiveColumn { Width = AdaptiveColumnWidth.Stretch, Items = [Text("d")] },
        ],
    });

    public static AdaptiveCard Container() => Card(new AdaptiveContainer
    {
        Style = AdaptiveContainerStyle.Warning,
        Bleed = true,
        MinHeight = "50px",
        Items = [Text("inside")],
        SelectAction = new AdaptiveToggleVisibilityAction { TargetElements = [new AdaptiveTargetElement { ElementId = "inner" }] },
    },
    new AdaptiveTextBlock { Text = "hidden", Id = "inner", IsVisible = false });

    public static AdaptiveCard Table() => Card(new AdaptiveTable
    {
        FirstRowAsHeader = true,
        ShowGridLines = false,
        GridStyle = AdaptiveContainerStyle.Accent,
        Columns = [new AdaptiveTableColumnDefinition { Width = AdaptiveColumnWidth.Weighted(1) }, new AdaptiveTableColumnDefinition { Width = AdaptiveColumnWidth.FixedPixels(80) }],
        Rows =
        [
            new AdaptiveTableRow { Style = AdaptiveContainerStyle.Emphasis, Cells = [Cell("Exam"), Cell("Status")] },
            new AdaptiveTableRow { Cells = [Cell("AI-102"), Cell("active")] },
        ],
    });

    public static AdaptiveCard Image() => Card(new AdaptiveImage
    {
        Url = new Uri("https://example.com/badge.png"),
        AltText = "badge",
        Size = AdaptiveImageSize.Small,
        Style = AdaptiveImageStyle.Person,
        HorizontalAlignment = AdaptiveHorizontalAlignment.Right,
    });

    public static AdaptiveCard Inputs() => Card(
        new AdaptiveTextInput
        {
            Id = "goal",
            Label = "Your goal",
            Placeholder = "e.g. ML engineer",
            IsMultiline = true,
            MaxLength = 200,
            IsRequired = true,
            ErrorMessage = "Please tell me your goal",
            Regex = "^.+$",
            Value = "",
        },
        new AdaptiveChoiceSetInput
        {
            Id = "cloud",
            Label = "Cloud",
            Choices = [new AdaptiveChoice { Title = "Azure", Value = "azure" }, new AdaptiveChoice { Title = "AWS", Value = "aws" }],
            Style = AdaptiveChoiceInputStyle.Expanded,
            IsMultiSelect = true,
            Value = "azure",
            IsRequired = false,
            ErrorMessage = "Pick one",
            Placeholder = "Pick a cloud",
        },
        new AdaptiveActionSet { Actions = [Submit("send")] });

    public static AdaptiveCard Actions() => Card([Text("Pick an action"), new AdaptiveTextBlock { Text = "details", Id = "details", IsVisible = false }]) with
    {
        Actions =
        [
            new AdaptiveSubmitAction
            {
                Title = "Recommend",
                Id = "recommend",
                Data = CardData.FromPairs([new("action", "recommend")]),
                AssociatedInputs = AdaptiveAssociatedInputs.None,
                Tooltip = "Get a recommendation",
                IsEnabled = true,
                Mode = AdaptiveActionMode.Primary,
            },
            new AdaptiveOpenUrlAction { Title = "Docs", Url = new Uri("https://learn.microsoft.com/credentials/"), IconUrl = new Uri("https://example.com/i.png") },
            new AdaptiveShowCardAction { Title = "More", Card = new AdaptiveCard { Body = [Text("nested")] } },
            new AdaptiveToggleVisibilityAction
            {
                Title = "Details",
                Mode = AdaptiveActionMode.Secondary,
                TargetElements = [new AdaptiveTargetElement { ElementId = "details", IsVisible = true }],
            },
            new AdaptiveExecuteAction
            {
                Title = "Refresh",
                Verb = "refresh",
                Data = CardData.Parse("""{"step":2}"""),
                AssociatedInputs = AdaptiveAssociatedInputs.Auto,
                Fallback = AdaptiveActionFallback.To(Submit("refresh-fallback")),
            },
        ],
    };

    /// <summary>Every sample, by name, for theories.</summary>
    public static TheoryData<string> Names() => new(All.Keys);

    public static IReadOnlyDictionary<string, Func<AdaptiveCard>> All { get; } = new Dictionary<string, Func<AdaptiveCard>>
    {
        ["TextBlock"] = TextBlock,
        ["RichTextBlock"] = RichTextBlock,
        ["FactSet"] = FactSet,
        ["ColumnSet"] = ColumnSet,
        ["Container"] = Container,
        ["Table"] = Table,
        ["Image"] = Image,
        ["Inputs"] = Inputs,
        ["Actions"] = Actions,
    };

    public static AdaptiveTextBlock Text(string text) => new() { Text = text, Wrap = true };

    public static AdaptiveSubmitAction Submit(string action) => new()
    {
        Title = action,
        Data = JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["action"] = action }),
    };

    private static AdaptiveTableCell Cell(string text) => new() { Items = [Text(text)] };

    private static AdaptiveCard Card(params AdaptiveElement[] body) => new()
    {
        Body = body,
        FallbackText = "CertBot card",
        MsTeams = new MsTeamsCardProperties { Width = MsTeamsCardProperties.FullWidth },
    };
}

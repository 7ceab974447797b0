namespace CertBot.Cards.Tests.Inspection;

public sealed class CardInspectorTests
{
    [Theory]
    [MemberData(nameof(SampleCards.Names), MemberType = typeof(SampleCards))]
    public void Inspect_SampleCard_FindsNoProblems(string sample)
    {
        var problems = CardInspector.Inspect(SampleCards.All[sample]());

        Assert.Empty(problems);
    }

    // Each case is a minimal card with exactly one defect; the expected text must appear in a problem message.
    [Theory]
    [InlineData("""{"type":"AdaptiveCard","version":"1.6","fallbackText":"f"}""", "above 1.5")]
    [InlineData("""{"type":"AdaptiveCard","fallbackText":"f"}""", "version is missing")]
    [InlineData("""{"type":"AdaptiveCard","version":"one","fallbackText":"f"}""", "not a card version")]
    [InlineData("""{"type":"Card","version":"1.5","fallbackText":"f"}""", "type must be \"AdaptiveCard\"")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5"}""", "fallbackText is missing")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","fallbackText":"f","body":[{"type":"Media","sources":[]}]}""", "Media is not supported")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","fallbackText":"f","body":[{"type":"ImageSet","images":[]}]}""", "element type 'ImageSet'")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","fallbackText":"f","body":[{"text":"no type"}]}""", "type is missing")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","fallbackText":"f","body":[{"type":"TextBlock"}]}""", "text is missing")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","fallbackText":"f","body":[{"type":"Image"}]}""", "url is missing")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","fallbackText":"f","body":[{"type":"Image","url":"http://x.example/a.png"}]}""", "not an absolute https URL")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","fallbackText":"f","body":[{"type":"Input.Text"}]}""", "id is missing")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","fallbackText":"f","body":[{"type":"Input.ChoiceSet","id":"c","choices":[{"title":"A"}]}]}""", "value is missing")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","fallbackText":"f","body":[{"type":"FactSet","facts":[]}]}""", "must not be empty")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","fallbackText":"f","body":[{"type":"FactSet"}]}""", "facts is missing")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","fallbackText":"f","body":[{"type":"FactSet","facts":[{"title":"t"}]}]}""", "value is missing")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","fallbackText":"f","body":[{"type":"ColumnSet"}]}""", "columns is missing")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","fallbackText":"f","body":[{"type":"ColumnSet","columns":[{"type":"Container","items":[]}]}]}""", "type must be \"Column\"")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","fallbackText":"f","body":[{"type":"ColumnSet","columns":[{"width":"wide"}]}]}""", "is not a width")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","fallbackText":"f","body":[{"type":"Container"}]}""", "items is missing")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","fallbackText":"f","body":[{"type":"Table","columns":[{"width":1}],"rows":[{"cells":[{"items":[]},{"items":[]}]}]}]}""", "has 2 cells but the table defines 1 columns")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","fallbackText":"f","body":[{"type":"Table","columns":[{"width":1}],"rows":[{"cells":[{"type":"TableCell"}]}]}]}""", "items is missing")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","fallbackText":"f","body":[{"type":"Table","columns":[{"width":1}]}]}""", "rows is missing")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","fallbackText":"f","body":[{"type":"RichTextBlock","inlines":[{"type":"TextRun"}]}]}""", "text is missing")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","fallbackText":"f","body":[{"type":"ActionSet","actions":[]}]}""", "must not be empty")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","fallbackText":"f","actions":[{"type":"Action.Http","url":"https://x"}]}""", "action type 'Action.Http'")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","fallbackText":"f","actions":[{"type":"Action.OpenUrl"}]}""", "url is missing")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","fallbackText":"f","actions":[{"type":"Action.OpenUrl","url":"http://x.example"}]}""", "allowed scheme")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","fallbackText":"f","actions":[{"type":"Action.OpenUrl","url":"javascript:alert(1)"}]}""", "allowed scheme")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","fallbackText":"f","actions":[{"type":"Action.ShowCard"}]}""", "card is missing")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","fallbackText":"f","actions":[{"type":"Action.ShowCard","card":{"type":"AdaptiveCard","version":"1.6"}}]}""", "above 1.5")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","fallbackText":"f","actions":[{"type":"Action.ShowCard","card":{"type":"AdaptiveCard","body":[{"type":"Media"}]}}]}""", "Media is not supported")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","fallbackText":"f","actions":[{"type":"Action.ToggleVisibility","targetElements":["ghost"]}]}""", "toggles element 'ghost'")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","fallbackText":"f","actions":[{"type":"Action.ToggleVisibility","targetElements":[]}]}""", "must not be empty")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","fallbackText":"f","actions":[{"type":"Action.Submit","data":[1]}]}""", "must be a JSON object or string")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","fallbackText":"f","actions":[{"type":"Action.Submit","iconUrl":"http://x.example/i.png"}]}""", "not an absolute https URL")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","fallbackText":"f","body":[{"type":"Container","items":[{"type":"TextBlock","text":"t"}],"selectAction":{"type":"Action.ShowCard","card":{"type":"AdaptiveCard"}}}]}""", "cannot be a selectAction")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","fallbackText":"f","body":[{"type":"TextBlock","text":"a","id":"x"},{"type":"Input.Text","id":"x"}]}""", "id 'x' is already used")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","fallbackText":"f","body":[{"type":"Input.Text","id":"x"}],"actions":[{"type":"Action.ShowCard","card":{"type":"AdaptiveCard","body":[{"type":"Input.Text","id":"x"}]}}]}""", "id 'x' is already used")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","fallbackText":"f","body":[{"type":"TextBlock","text":"t","fallback":"keep"}]}""", "must be \"drop\"")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","fallbackText":"f","body":[{"type":"TextBlock","text":"t","fallback":{"type":"Media"}}]}""", "Media is not supported")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","fallbackText":"f","msteams":{"width":"Wide"}}""", "only width")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","fallbackText":"f","body":[{"type":"TextBlock","text":"hi"}],"msteams":{"entities":[{"type":"mention","text":"<at>Ada</at>","mentioned":{"id":"29:1","name":"Ada"}}]}}""", "does not appear")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","fallbackText":"f","body":[{"type":"TextBlock","text":"<at>Ada</at>"}],"msteams":{"entities":[{"type":"mention","text":"<at>Ada</at>"}]}}""", "mentioned is missing")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","fallbackText":"f","body":{"type":"TextBlock","text":"t"}}""", "must be an array of elements")]
    [InlineData("""[1,2]""", "must be a card")]
    [InlineData("""{"type":"AdaptiveCard",""", "not valid JSON")]
    public void Inspect_DefectiveJson_ReportsTheDefect(string json, string expected)
    {
        var problems = CardInspector.Inspect(json);

        Assert.Contains(problems, p => p.Message.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Inspect_ValidHandMadeJson_FindsNoProblems()
    {
        const string json = """
            {"type":"AdaptiveCard","version":"1.4","fallbackText":"f",
             "body":[{"type":"TextBlock","text":"Hi <at>Ada</at>","id":"t"},
                     {"type":"Input.ChoiceSet","id":"c","choices":[{"title":"A","value":"a"}],
                      "fallback":{"type":"Input.ChoiceSet","id":"c","choices":[{"title":"A","value":"a"}]}}],
             "actions":[{"type":"Action.Execute","verb":"go","fallback":{"type":"Action.Submit","data":{"verb":"go"}}},
                        {"type":"Action.ToggleVisibility","targetElements":["t",{"elementId":"c","isVisible":true}]},
                        {"type":"Action.OpenUrl","url":"mailto:team@example.com"}],
             "msteams":{"width":"Full","entities":[{"type":"mention","text":"<at>Ada</at>","mentioned":{"id":"29:1","name":"Ada"}}]}}
            """;

        Assert.Empty(CardInspector.Inspect(json));
    }

    [Fact]
    public void Inspect_CardOverSizeLimit_ReportsSize()
    {
        var card = new AdaptiveCard
        {
            FallbackText = "f",
            Body = [new AdaptiveTextBlock { Text = new string('x', 2_000) }],
        };

        var problems = CardInspector.Inspect(card, new CardInspectionOptions { MaxBytes = 1_000 });

        var problem = Assert.Single(problems);
        Assert.Contains("1000-byte limit", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_DefaultSizeLimit_Is28Kilobytes()
    {
        var small = new AdaptiveCard { FallbackText = "f", Body = [new AdaptiveTextBlock { Text = new string('x', 27 * 1024) }] };
        var big = new AdaptiveCard { FallbackText = "f", Body = [new AdaptiveTextBlock { Text = new string('x', 29 * 1024) }] };

        Assert.Empty(CardInspector.Inspect(small));
        Assert.NotEmpty(CardInspector.Inspect(big));
    }

    [Fact]
    public void Inspect_MailtoWhenOnlyHttpsAllowed_ReportsScheme()
    {
        var card = new AdaptiveCard
        {
            FallbackText = "f",
            Actions = [new AdaptiveOpenUrlAction { Url = new Uri("mailto:a@example.com") }],
        };
        var httpsOnly = new CardInspectionOptions { OpenUrlSchemes = new HashSet<string> { "https" } };

        Assert.Empty(CardInspector.Inspect(card));
        Assert.Contains(CardInspector.Inspect(card, httpsOnly), p => p.Path == "$.actions[0].url");
    }

    [Fact]
    public void Inspect_ModelCardWithDuplicateIdAndMissingFallbackText_ReportsBoth()
    {
        var card = new AdaptiveCard
        {
            Body = [new AdaptiveTextInput { Id = "goal" }, new AdaptiveChoiceSetInput { Id = "goal", Choices = [new AdaptiveChoice { Title = "a", Value = "a" }] }],
        };

        var problems = CardInspector.Inspect(card);

        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Path == "$.body[1].id");
        Assert.Contains(problems, p => p.Path == "$" && p.Message.Contains("fallbackText", StringComparison.Ordinal));
    }

    [Fact]
    public void Inspect_DeeplyNestedJson_StopsWithProblemInsteadOfOverflowing()
    {
        var json = "{\"type\":\"AdaptiveCard\",\"version\":\"1.5\",\"fallbackText\":\"f\",\"body\":["
            + string.Concat(Enumerable.Repeat("{\"type\":\"Container\",\"items\":[", 20))
            + "{\"type\":\"TextBlock\",\"text\":\"deep\"}"
            + string.Concat(Enumerable.Repeat("]}", 20)) + "]}";

        var problems = CardInspector.Inspect(json);

        Assert.Contains(problems, p => p.Message.Contains("nesting deeper", StringComparison.Ordinal));
    }

    [Fact]
    public void Inspect_AttachmentContentElement_MatchesStringInspection()
    {
        var card = SampleCards.Actions() with { FallbackText = null };

        var fromElement = CardInspector.Inspect(AdaptiveCardSerializer.SerializeToElement(card));

        Assert.Equal(CardInspector.Inspect(AdaptiveCardSerializer.Serialize(card)), fromElement);
        Assert.Single(fromElement);
    }
}

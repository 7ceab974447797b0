using System.Text.Json;
using System.Text.Json.Nodes;

namespace CertBot.Cards.Tests.Serialization;

public sealed class AdaptiveCardSerializerTests
{
    [Fact]
    public void Serialize_EmptyCard_WritesRootShapeWithTypeFirstAndNoNulls()
    {
        var json = AdaptiveCardSerializer.Serialize(new AdaptiveCard { FallbackText = "hi" });

        Assert.Equal(
            """{"type":"AdaptiveCard","$schema":"http://adaptivecards.io/schemas/adaptive-card.json","version":"1.5","fallbackText":"hi"}""",
            json);
    }

    [Fact]
    public void Serialize_TextBlock_MatchesOfficialShape()
    {
        var element = Body(SampleCards.TextBlock())[0];

        AssertJson(
            """
            {"type":"TextBlock","text":"Azure AI Engineer","wrap":true,"size":"medium","weight":"bolder","color":"attention",
             "isSubtle":false,"maxLines":2,"horizontalAlignment":"center","fontType":"monospace","style":"heading",
             "id":"title","spacing":"large","separator":true,"height":"stretch"}
            """,
            element);
    }

    [Fact]
    public void Serialize_RichTextBlock_WritesTextRunsWithType()
    {
        var element = Body(SampleCards.RichTextBlock())[0];

        AssertJson(
            """
            {"type":"RichTextBlock","inlines":[
              {"type":"TextRun","text":"[not](a link)","italic":true,"highlight":true},
              {"type":"TextRun","text":"docs","weight":"lighter","color":"accent","strikethrough":false,"underline":true,
               "isSubtle":true,"size":"small","selectAction":{"type":"Action.OpenUrl","url":"https://learn.microsoft.com/"}}]}
            """,
            element);
    }

    [Fact]
    public void Serialize_FactSet_WritesTitleValuePairs()
    {
        AssertJson(
            """{"type":"FactSet","facts":[{"title":"Exam","value":"AI-102"},{"title":"Cost","value":"$165"}]}""",
            Body(SampleCards.FactSet())[0]);
    }

    [Fact]
    public void Serialize_ColumnSet_WritesWidthsAsStringOrNumber()
    {
        AssertJson(
            """
            {"type":"ColumnSet","style":"emphasis","bleed":true,"columns":[
              {"type":"Column","width":"auto","items":[{"type":"TextBlock","text":"a","wrap":true}]},
              {"type":"Column","width":2,"items":[{"type":"TextBlock","text":"b","wrap":true}],"verticalContentAlignment":"center",
               "selectAction":{"type":"Action.Submit","title":"col","data":{"action":"col"}}},
              {"type":"Column","width":"50px","items":[{"type":"TextBlock","text":"c","wrap":true}],"style":"good"},
              {"type":"Column","width":"stretch","items":[{"type":"TextBlock","text":"d","wrap":true}]}]}
            """,
            Body(SampleCards.ColumnSet())[0]);
    }

    [Fact]
    public void Serialize_Container_WritesStyleAndToggleTargetAsBareId()
    {
        AssertJson(
            """
            {"type":"Container","style":"warning","bleed":true,"minHeight":"50px",
             "items":[{"type":"TextBlock","text":"inside","wrap":true}],
             "selectAction":{"type":"Action.ToggleVisibility","targetElements":["inner"]}}
            """,
            Body(SampleCards.Container())[0]);
    }

    [Fact]
    public void Serialize_Table_WritesColumnsRowsAndCells()
    {
        AssertJson(
            """
            {"type":"Table","firstRowAsHeader":true,"showGridLines":false,"gridStyle":"accent",
             "columns":[{"width":1},{"width":"80px"}],
             "rows":[
               {"type":"TableRow","style":"emphasis","cells":[
                 {"type":"TableCell","items":[{"type":"TextBlock","text":"Exam","wrap":true}]},
                 {"type":"TableCell","items":[{"type":"TextBlock","text":"Status","wrap":true}]}]},
               {"type":"TableRow","cells":[
                 {"type":"TableCell","items":[{"type":"TextBlock","text":"AI-102","wrap":true}]},
                 {"type":"TableCell","items":[{"type":"TextBlock","text":"active","wrap":true}]}]}]}
            """,
            Body(SampleCards.Table())[0]);
    }

    [Fact]
    public void Serialize_Image_WritesUrlAndStyle()
    {
        AssertJson(
            """
            {"type":"Image","url":"https://example.com/badge.png","altText":"badge","size":"small","style":"person",
             "horizontalAlignment":"right"}
            """,
            Body(SampleCards.Image())[0]);
    }

    [Fact]
    public void Serialize_Inputs_UseOfficialTypeNames()
    {
        var body = Body(SampleCards.Inputs());

        AssertJson(
            """
            {"type":"Input.Text","id":"goal","label":"Your goal","placeholder":"e.g. ML engineer","isMultiline":true,
             "maxLength":200,"isRequired":true,"errorMessage":"Please tell me your goal","regex":"^.+$","value":""}
            """,
            body[0]);
        AssertJson(
            """
            {"type":"Input.ChoiceSet","id":"cloud","label":"Cloud",
             "choices":[{"title":"Azure","value":"azure"},{"title":"AWS","value":"aws"}],
             "style":"expanded","isMultiSelect":true,"value":"azure","isRequired":false,"errorMessage":"Pick one",
             "placeholder":"Pick a cloud"}
            """,
            body[1]);
        AssertJson(
            """{"type":"ActionSet","actions":[{"type":"Action.Submit","title":"send","data":{"action":"send"}}]}""",
            body[2]);
    }

    [Fact]
    public void Serialize_Actions_MatchOfficialShapes()
    {
        var actions = JsonNode.Parse(AdaptiveCardSerializer.Serialize(SampleCards.Actions()))!["actions"]!.AsArray();

        AssertJson(
            """
            {"type":"Action.Submit","title":"Recommend","id":"recommend","tooltip":"Get a recommendation","isEnabled":true,
             "mode":"primary","data":{"action":"recommend"},"associatedInputs":"none"}
            """,
            actions[0]!);
        AssertJson(
            """
            {"type":"Action.OpenUrl","title":"Docs","iconUrl":"https://example.com/i.png",
             "url":"https://learn.microsoft.com/credentials/"}
            """,
            actions[1]!);
        AssertJson(
            """
            {"type":"Action.ShowCard","title":"More","card":{"type":"AdaptiveCard",
             "$schema":"http://adaptivecards.io/schemas/adaptive-card.json","version":"1.5",
             "body":[{"type":"TextBlock","text":"nested","wrap":true}]}}
            """,
            actions[2]!);
        AssertJson(
            """
            {"type":"Action.ToggleVisibility","title":"Details","mode":"secondary",
             "targetElements":[{"elementId":"details","isVisible":true}]}
            """,
            actions[3]!);
        AssertJson(
            """
            {"type":"Action.Execute","title":"Refresh","verb":"refresh","data":{"step":2},"associatedInputs":"auto",
             "fallback":{"type":"Action.Submit","title":"refresh-fallback","data":{"action":"refresh-fallback"}}}
            """,
            actions[4]!);
    }

    [Fact]
    public void Serialize_MsTeamsMention_WritesEntityShape()
    {
        var card = new AdaptiveCard
        {
            Body = [new AdaptiveTextBlock { Text = "Hi <at>Ada</at>" }],
            MsTeams = new MsTeamsCardProperties { Entities = [MsTeamsMention.For("29:abc", "Ada")] },
        };

        var msteams = JsonNode.Parse(AdaptiveCardSerializer.Serialize(card))!["msteams"]!;

        AssertJson(
            """{"entities":[{"type":"mention","text":"<at>Ada</at>","mentioned":{"id":"29:abc","name":"Ada"}}]}""",
            msteams);
    }

    [Fact]
    public void Serialize_ElementFallback_WritesDropOrElement()
    {
        var card = new AdaptiveCard
        {
            Body =
            [
                new AdaptiveTable { Rows = [], Fallback = AdaptiveElementFallback.Drop },
                new AdaptiveRichTextBlock { Inlines = [new AdaptiveTextRun { Text = "x" }], Fallback = AdaptiveElementFallback.To(SampleCards.Text("x")) },
            ],
        };

        var body = Body(card);

        Assert.Equal("drop", body[0]!["fallback"]!.GetValue<string>());
        Assert.Equal("TextBlock", body[1]!["fallback"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void Serialize_EmptyLists_AreOmitted()
    {
        var json = AdaptiveCardSerializer.Serialize(new AdaptiveCard { Body = [new AdaptiveContainer()] });

        Assert.DoesNotContain("actions", json, StringComparison.Ordinal);
        Assert.DoesNotContain("items", json, StringComparison.Ordinal);
        Assert.Contains("\"body\"", json, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(SampleCards.Names), MemberType = typeof(SampleCards))]
    public void Serialize_EveryObjectWithType_WritesTypeFirst(string sample)
    {
        using var document = JsonDocument.Parse(AdaptiveCardSerializer.Serialize(SampleCards.All[sample]()));

        AssertTypeFirst(document.RootElement, "$");
    }

    [Theory]
    [MemberData(nameof(SampleCards.Names), MemberType = typeof(SampleCards))]
    public void Deserialize_SerializedSample_RoundTripsToIdenticalJson(string sample)
    {
        var json = AdaptiveCardSerializer.Serialize(SampleCards.All[sample]());

        var again = AdaptiveCardSerializer.Serialize(AdaptiveCardSerializer.Deserialize(json));

        Assert.Equal(json, again);
    }

    [Fact]
    public void Deserialize_HandWrittenCard_ReadsTypedModel()
    {
        // Discriminator after other properties, PascalCase enum value and a string toggle target, as people write them.
        const string json = """
            {
              "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
              "version": "1.5",
              "type": "AdaptiveCard",
              "body": [
                { "text": "Hello", "type": "TextBlock", "weight": "Bolder", "size": "extraLarge" },
                { "type": "ColumnSet", "columns": [ { "type": "Column", "width": "1", "items": [] } ] },
                { "type": "Input.ChoiceSet", "id": "c", "style": "filtered", "choices": [ { "title": "A", "value": "a" } ] }
              ],
              "actions": [
                { "type": "Action.ToggleVisibility", "title": "t", "targetElements": [ "x", { "elementId": "y", "isVisible": false } ] },
                { "type": "Action.Submit", "data": "plain" }
              ],
              "msteams": { "width": "Full" }
            }
            """;

        var card = AdaptiveCardSerializer.Deserialize(json);

        var text = Assert.IsType<AdaptiveTextBlock>(card.Body[0]);
        Assert.Equal(AdaptiveTextWeight.Bolder, text.Weight);
        Assert.Equal(AdaptiveTextSize.ExtraLarge, text.Size);
        Assert.Equal(AdaptiveColumnWidth.Weighted(1), Assert.IsType<AdaptiveColumnSet>(card.Body[1]).Columns[0].Width);
        var choices = Assert.IsType<AdaptiveChoiceSetInput>(card.Body[2]);
        Assert.Equal("c", choices.Id);
        Assert.Equal(AdaptiveChoiceInputStyle.Filtered, choices.Style);
        var toggle = Assert.IsType<AdaptiveToggleVisibilityAction>(card.Actions[0]);
        Assert.Equal([new AdaptiveTargetElement { ElementId = "x" }, new AdaptiveTargetElement { ElementId = "y", IsVisible = false }], toggle.TargetElements);
        Assert.Equal("plain", Assert.IsType<AdaptiveSubmitAction>(card.Actions[1]).Data!.Value.GetString());
        Assert.Equal(MsTeamsCardProperties.FullWidth, card.MsTeams!.Width);
    }

    [Fact]
    public void Deserialize_AbsentListsAndVersion_GiveEmptyListsAndCurrentVersion()
    {
        var card = AdaptiveCardSerializer.Deserialize("""{"type":"AdaptiveCard","body":[{"type":"Container"},{"type":"ColumnSet","columns":[{}]}]}""");

        Assert.Equal("1.5", card.Version);
        Assert.Empty(card.Actions);
        Assert.Empty(Assert.IsType<AdaptiveContainer>(card.Body[0]).Items);
        Assert.Empty(Assert.IsType<AdaptiveColumnSet>(card.Body[1]).Columns[0].Items);
        Assert.Null(card.Schema);
        card.Actions.Add(SampleCards.Submit("added"));
        Assert.Single(card.Actions);
    }

    [Theory]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Media","sources":[]}]}""")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","actions":[{"type":"Action.Http"}]}""")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock"}]}""")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Input.Text"}]}""")]
    [InlineData("""{"type":"AdaptiveCard","body":[{"type":"Image","url":"http://insecure.example/x.png"}]}""")]
    [InlineData("""{"type":"AdaptiveCard","actions":[{"type":"Action.OpenUrl","url":"javascript:alert(1)"}]}""")]
    [InlineData("null")]
    [InlineData("{")]
    public void Deserialize_InvalidCard_ThrowsJsonException(string json)
    {
        Assert.ThrowsAny<JsonException>(() => AdaptiveCardSerializer.Deserialize(json));
    }

    [Fact]
    public void SerializeToElement_Card_EqualsStringForm()
    {
        var card = SampleCards.Table();

        var element = AdaptiveCardSerializer.SerializeToElement(card);

        Assert.Equal(AdaptiveCardSerializer.Serialize(card), element.GetRawText());
        Assert.Equal("application/vnd.microsoft.card.adaptive", AdaptiveCardSerializer.ContentType);
    }

    private static JsonArray Body(AdaptiveCard card) =>
        JsonNode.Parse(AdaptiveCardSerializer.Serialize(card))!["body"]!.AsArray();

    private static void AssertJson(string expected, JsonNode? actual)
    {
        var expectedNode = JsonNode.Parse(expected);
        Assert.True(
            JsonNode.DeepEquals(expectedNode, actual),
            $"Expected {expectedNode!.ToJsonString()}\nActual   {actual?.ToJsonString()}");
        if (actual is JsonObject obj && obj.ContainsKey("type"))
        {
            Assert.Equal("type", obj.First().Key);
        }
    }

    private static void AssertTypeFirst(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            var names = element.EnumerateObject().Select(p => p.Name).ToList();
            if (names.Contains("type"))
            {
                Assert.True(names[0] == "type", $"'type' is not first at {path}: {string.Join(",", names)}");
            }

            foreach (var property in element.EnumerateObject())
            {
                AssertTypeFirst(property.Value, path + "." + property.Name);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in element.EnumerateArray())
            {
                AssertTypeFirst(item, $"{path}[{i++}]");
            }
        }
    }
}

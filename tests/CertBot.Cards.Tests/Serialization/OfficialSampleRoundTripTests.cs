using System.Text.Json.Nodes;

namespace CertBot.Cards.Tests.Serialization;

public sealed class OfficialSampleRoundTripTests
{
    // Shaped after the "Activity Update" sample on adaptivecards.io (Input.Date swapped for Input.Text,
    // which the model covers); property order deliberately differs from ours.
    private const string ActivityUpdate = """
        {
          "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
          "type": "AdaptiveCard",
          "version": "1.5",
          "fallbackText": "Activity update",
          "body": [
            { "type": "TextBlock", "text": "Publish Adaptive Card Schema", "weight": "bolder", "size": "medium", "style": "heading", "wrap": true },
            {
              "type": "ColumnSet",
              "columns": [
                { "type": "Column", "width": "auto",
                  "items": [ { "type": "Image", "url": "https://adaptivecards.io/content/pending.png", "altText": "Matt Hidinger", "size": "small", "style": "person" } ] },
                { "type": "Column", "width": "stretch",
                  "items": [
                    { "type": "TextBlock", "text": "Matt Hidinger", "weight": "bolder", "wrap": true },
                    { "type": "TextBlock", "spacing": "none", "text": "Created today", "isSubtle": true, "wrap": true } ] }
              ]
            },
            { "type": "TextBlock", "text": "Now that we have defined the main rules and features of the format, we need to produce a schema.", "wrap": true },
            { "type": "FactSet", "facts": [ { "title": "Board:", "value": "Adaptive Cards" }, { "title": "List:", "value": "Backlog" } ] }
          ],
          "actions": [
            { "type": "Action.ShowCard", "title": "Set due date",
              "card": { "type": "AdaptiveCard", "body": [ { "type": "Input.Text", "id": "dueDate", "label": "Due" } ],
                        "actions": [ { "type": "Action.Submit", "title": "OK" } ] } },
            { "type": "Action.OpenUrl", "title": "View", "url": "https://adaptivecards.io" }
          ]
        }
        """;

    [Fact]
    public void Deserialize_OfficialSample_ReserializesToEquivalentJson()
    {
        var card = AdaptiveCardSerializer.Deserialize(ActivityUpdate);
        var output = JsonNode.Parse(AdaptiveCardSerializer.Serialize(card))!;

        var expected = JsonNode.Parse(ActivityUpdate)!;
        // The nested card had no version; the model reads that as 1.5 and writes it out.
        expected["actions"]![0]!["card"]!["version"] = "1.5";
        Assert.True(JsonNode.DeepEquals(expected, output), output.ToJsonString());
    }

    [Fact]
    public void Deserialize_OfficialSample_PassesInspection()
    {
        var card = AdaptiveCardSerializer.Deserialize(ActivityUpdate);

        Assert.Empty(CardInspector.Inspect(card));
        Assert.Empty(CardInspector.Inspect(ActivityUpdate));
    }
}

using System.Text.Json.Nodes;

namespace CertBot.Tests.Support;

/// <summary>What the bot sent in one turn, with ways to read its text, cards and buttons.</summary>
public sealed class Replies(IReadOnlyList<JsonObject> activities)
{
    public IReadOnlyList<JsonObject> Activities => activities;

    public IReadOnlyList<JsonObject> Messages => activities.Where(a => (string?)a["type"] == "message").ToList();

    public IReadOnlyList<JsonObject> Cards => CardDump.Cards(activities).ToList();

    /// <summary>Every text the person sees: message texts and every text in the cards (TextBlocks, facts, button titles).</summary>
    public string AllText => string.Join("\n", Messages.Select(m => (string?)m["text"]).Where(t => t is not null)
        .Concat(Cards.SelectMany(CardTexts)));

    /// <summary>Every Action.Submit / Action.Execute in the cards: title and data.</summary>
    public IReadOnlyList<(string Title, JsonObject Data)> Buttons => Cards.SelectMany(Actions)
        .Where(a => (string?)a["type"] is "Action.Submit" or "Action.Execute" && a["data"] is JsonObject)
        .Select(a => ((string)a["title"]!, a["data"]!.AsObject()))
        .ToList();

    public JsonObject Button(string title)
    {
        var match = Buttons.Where(b => b.Title.Equals(title, StringComparison.OrdinalIgnoreCase)).Select(b => b.Data).FirstOrDefault();
        Assert.True(match is not null, $"No button '{title}'. Buttons: {string.Join(", ", Buttons.Select(b => b.Title))}\nText: {AllText}");
        return match!;
    }

    public bool Contains(string text) => AllText.Contains(text, StringComparison.OrdinalIgnoreCase);

    public IReadOnlyList<JsonObject> ButtonsWithAction(string action) => Buttons.Where(b => (string?)b.Data["action"] == action).Select(b => b.Data).ToList();

    public override string ToString() => AllText;

    private static IEnumerable<JsonObject> Actions(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (((string?)obj["type"])?.StartsWith("Action.", StringComparison.Ordinal) == true)
                {
                    yield return obj;
                }

                foreach (var (_, child) in obj)
                {
                    foreach (var action in Actions(child))
                    {
                        yield return action;
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    foreach (var action in Actions(child))
                    {
                        yield return action;
                    }
                }

                break;
        }
    }

    private static IEnumerable<string> CardTexts(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in new[] { "text", "title", "value" })
                {
                    if (obj[key] is JsonValue value && value.TryGetValue<string>(out var text))
                    {
                        yield return text;
                    }
                }

                foreach (var (key, child) in obj)
                {
                    if (key is "data")
                    {
                        continue;
                    }

                    foreach (var text in CardTexts(child))
                    {
                        yield return text;
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    foreach (var text in CardTexts(child))
                    {
                        yield return text;
                    }
                }

                break;
        }
    }
}

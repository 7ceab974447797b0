using System.Text.Json.Nodes;

namespace CertBot.Tests.Localization;

/// <summary>What a person reads in a reply: message text, and in cards the TextBlock and TextRun texts, fact titles and values, button and choice titles, input placeholders, fallback and spoken text.</summary>
public static class VisibleText
{
    public static IEnumerable<string> Of(JsonObject activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if ((string?)activity["text"] is { Length: > 0 } text)
        {
            yield return text;
        }

        foreach (var attachment in activity["attachments"]?.AsArray() ?? [])
        {
            foreach (var shown in InCard(attachment?["content"]))
            {
                yield return shown;
            }
        }
    }

    /// <summary>The texts of one card (or any part of one).</summary>
    public static IEnumerable<string> InCard(JsonNode? node) => InCard(node, null);

    private static IEnumerable<string> InCard(JsonNode? node, string? listKey)
    {
        switch (node)
        {
            case JsonObject obj:
                var type = (string?)(obj["type"] as JsonValue);
                var keys = (type, listKey) switch
                {
                    ("AdaptiveCard", _) => ["fallbackText", "speak"],
                    ("TextBlock" or "TextRun", _) => ["text"],
                    ("Input.Text", _) => ["placeholder"],
                    (null, "facts") => ["title", "value"],
                    (null, "choices") => ["title"],
                    ({ } action, _) when action.StartsWith("Action.", StringComparison.Ordinal) => ["title"],
                    _ => Array.Empty<string>(),
                };
                foreach (var key in keys)
                {
                    if (obj[key] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0)
                    {
                        yield return text;
                    }
                }

                foreach (var (key, child) in obj)
                {
                    // Button payloads are data the bot reads back, never shown.
                    if (key is "data")
                    {
                        continue;
                    }

                    foreach (var text in InCard(child, key))
                    {
                        yield return text;
                    }
                }

                break;
            case JsonArray array:
                foreach (var text in array.SelectMany(child => InCard(child, listKey)))
                {
                    yield return text;
                }

                break;
        }
    }
}

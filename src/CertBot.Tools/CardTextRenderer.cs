using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CertBot.Tools;

/// <summary>Renders an Adaptive Card as readable terminal text and collects its buttons as numbered options.</summary>
public sealed class CardTextRenderer
{
    private readonly List<CardOption> _options = [];

    /// <summary>The buttons seen so far, numbered from 1 in the order they were printed.</summary>
    public IReadOnlyList<CardOption> Options => _options;

    public void Reset() => _options.Clear();

    // The card being rendered, where Action.ToggleVisibility finds the elements it shows.
    private JsonElement _card;

    public string Render(JsonElement card)
    {
        _card = card;
        var text = new StringBuilder();
        RenderContainer(card, "body", text, indent: "");
        RenderActions(card, text, indent: "");
        return text.ToString().TrimEnd();
    }

    private void RenderContainer(JsonElement element, string itemsProperty, StringBuilder text, string indent)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(itemsProperty, out var items) || items.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var item in items.EnumerateArray())
        {
            RenderElement(item, text, indent);
        }
    }

    private void RenderElement(JsonElement element, StringBuilder text, string indent)
    {
        if (element.TryGetProperty("isVisible", out var visible) && visible.ValueKind == JsonValueKind.False)
        {
            return;
        }

        // A tappable container, column or cell (a suggestion line, a quick-answer chip) is one numbered option.
        if (element.TryGetProperty("selectAction", out var select) && Option(select) is { } tap)
        {
            var inner = new StringBuilder();
            RenderContainer(element, "items", inner, "");
            _options.Add(tap);
            AppendLines(text, indent, $"  [{_options.Count}] {inner.ToString().Trim().ReplaceLineEndings(" ")}");
            return;
        }

        switch (String(element, "type"))
        {
            case "TextBlock":
                AppendLines(text, indent, Plain(String(element, "text")));
                break;
            case "RichTextBlock":
                if (element.TryGetProperty("inlines", out var inlines) && inlines.ValueKind == JsonValueKind.Array)
                {
                    var runs = inlines.EnumerateArray().Select(run => run.ValueKind == JsonValueKind.String ? run.GetString() : String(run, "text"));
                    AppendLines(text, indent, string.Concat(runs));
                }

                break;
            case "FactSet":
                if (element.TryGetProperty("facts", out var facts) && facts.ValueKind == JsonValueKind.Array)
                {
                    foreach (var fact in facts.EnumerateArray())
                    {
                        AppendLines(text, indent + "  ", $"{Plain(String(fact, "title"))}: {Plain(String(fact, "value"))}");
                    }
                }

                break;
            case "ColumnSet":
                if (element.TryGetProperty("columns", out var columns) && columns.ValueKind == JsonValueKind.Array)
                {
                    foreach (var column in columns.EnumerateArray())
                    {
                        if (column.TryGetProperty("selectAction", out _))
                        {
                            RenderElement(column, text, indent);
                        }
                        else
                        {
                            RenderContainer(column, "items", text, indent);
                        }
                    }
                }

                break;
            case "Container":
                RenderContainer(element, "items", text, indent);
                break;
            case "Table":
                if (element.TryGetProperty("rows", out var rows) && rows.ValueKind == JsonValueKind.Array)
                {
                    foreach (var row in rows.EnumerateArray())
                    {
                        var cells = new List<string>();
                        if (row.TryGetProperty("cells", out var cellArray) && cellArray.ValueKind == JsonValueKind.Array)
                        {
                            foreach (var cell in cellArray.EnumerateArray())
                            {
                                var cellText = new StringBuilder();
                                RenderContainer(cell, "items", cellText, "");
                                cells.Add(cellText.ToString().Trim().Replace(Environment.NewLine, " ", StringComparison.Ordinal));
                            }
                        }

                        AppendLines(text, indent + "  ", string.Join(" | ", cells));
                    }
                }

                break;
            case "ActionSet":
                RenderActions(element, text, indent);
                break;
            case "Image":
                AppendLines(text, indent, $"[image: {String(element, "altText") ?? "picture"}]");
                break;
            case "Input.ChoiceSet":
            case "Input.Text":
                AppendLines(text, indent, $"({String(element, "label") ?? String(element, "placeholder") ?? "type your answer"})");
                break;
        }
    }

    private void RenderActions(JsonElement element, StringBuilder text, string indent)
    {
        if (!element.TryGetProperty("actions", out var actions) || actions.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var action in actions.EnumerateArray())
        {
            var title = String(action, "title") ?? "(button)";
            if (String(action, "type") == "Action.OpenUrl")
            {
                AppendLines(text, indent, $"  -> {title}: {String(action, "url")}");
            }
            else if (Option(action) is { } option)
            {
                _options.Add(option);
                AppendLines(text, indent, $"  [{_options.Count}] {title}");
            }
        }
    }

    /// <summary>What choosing an action does here: send its data, or show a card (Action.ShowCard, or what Action.ToggleVisibility reveals).</summary>
    private CardOption? Option(JsonElement action)
    {
        var title = String(action, "title") ?? "(button)";
        switch (String(action, "type"))
        {
            case "Action.Submit":
            case "Action.Execute":
                return new CardOption(title, action.TryGetProperty("data", out var data) ? data.Clone() : null, null);
            case "Action.ShowCard" when action.TryGetProperty("card", out var card):
                return new CardOption(title, null, card.Clone());
            case "Action.ToggleVisibility" when action.TryGetProperty("targetElements", out var targets) && targets.ValueKind == JsonValueKind.Array:
                var body = new JsonArray();
                foreach (var target in targets.EnumerateArray())
                {
                    var id = target.ValueKind == JsonValueKind.String ? target.GetString() : String(target, "elementId");
                    if (id is not null && FindById(_card, id) is { } found && JsonNode.Parse(found.GetRawText()) is JsonObject shown)
                    {
                        shown["isVisible"] = true;
                        body.Add(shown);
                    }
                }

                return body.Count == 0 ? null : new CardOption(title, null, Element(new JsonObject { ["type"] = "AdaptiveCard", ["body"] = body }));
            default:
                return null;
        }
    }

    private static JsonElement Element(JsonObject node)
    {
        using var document = JsonDocument.Parse(node.ToJsonString());
        return document.RootElement.Clone();
    }

    private static JsonElement? FindById(JsonElement element, string id)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                if (String(element, "id") == id)
                {
                    return element;
                }

                foreach (var property in element.EnumerateObject())
                {
                    if (FindById(property.Value, id) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    if (FindById(item, id) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private static void AppendLines(StringBuilder text, string indent, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        foreach (var line in value.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n'))
        {
            text.Append(indent).AppendLine(line);
        }
    }

    private static string? String(JsonElement element, string property)
        => element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    // The terminal shows markdown emphasis as plain text and links as "title (url)".
    private static string? Plain(string? markdown)
    {
        if (markdown is null)
        {
            return null;
        }

        var text = System.Text.RegularExpressions.Regex.Replace(markdown, @"\[([^\]]+)\]\((https?://[^)]+)\)", "$1 ($2)", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
        text = text.Replace("**", "", StringComparison.Ordinal);
        return System.Text.RegularExpressions.Regex.Replace(text, @"\\([\\*_\[\]()`#>~|\-+.])", "$1", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
    }
}

/// <summary>A button in the console chat: submit data to send back, or a nested card to show.</summary>
public sealed record CardOption(string Title, JsonElement? Data, JsonElement? Card);

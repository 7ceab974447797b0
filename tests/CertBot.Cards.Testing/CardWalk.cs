using System.Globalization;
using System.Text.Json;

namespace CertBot.Cards.Testing;

/// <summary>One pass of <see cref="CardInspector"/> over a card's JSON; collects problems, ids and toggle targets.</summary>
internal sealed class CardWalk(CardInspectionOptions options)
{
    // Real cards nest a few levels; the guard keeps hand-made JSON from recursing without bound.
    private const int MaxDepth = 16;

    private static readonly HashSet<string> ElementTypes =
    [
        "TextBlock", "RichTextBlock", "FactSet", "ColumnSet", "Container", "Table", "Image", "ActionSet",
        "Input.Text", "Input.ChoiceSet",
    ];

    private static readonly HashSet<string> ActionTypes =
    [
        "Action.Submit", "Action.OpenUrl", "Action.ShowCard", "Action.ToggleVisibility", "Action.Execute",
    ];

    private readonly List<CardProblem> _problems = [];
    private readonly Dictionary<string, string> _ids = new(StringComparer.Ordinal);
    private readonly List<(string Path, string Id)> _toggleTargets = [];
    private readonly List<string> _markdownTexts = [];

    public IReadOnlyList<CardProblem> Run(JsonElement root, int sizeInBytes)
    {
        if (sizeInBytes > options.MaxBytes)
        {
            Add("$", $"the card is {sizeInBytes} bytes, more than the {options.MaxBytes}-byte limit");
        }

        Card(root, "$", depth: 0, isRoot: true);

        foreach (var (path, id) in _toggleTargets)
        {
            if (!_ids.ContainsKey(id))
            {
                Add(path, $"toggles element '{id}', which is not in the card");
            }
        }

        return _problems;
    }

    private void Card(JsonElement card, string path, int depth, bool isRoot)
    {
        if (!IsObject(card, path, "a card") || TooDeep(path, depth))
        {
            return;
        }

        if (String(card, "type") != "AdaptiveCard")
        {
            Add(path, "type must be \"AdaptiveCard\"");
        }

        CheckVersion(card, path, required: isRoot);
        if (isRoot && options.RequireFallbackText && string.IsNullOrWhiteSpace(String(card, "fallbackText")))
        {
            Add(path, "fallbackText is missing (old clients show it instead of the card)");
        }

        if (card.TryGetProperty("body", out var body))
        {
            Elements(body, path + ".body", depth, registerIds: true, requireItems: false);
        }

        if (card.TryGetProperty("actions", out var actions))
        {
            Actions(actions, path + ".actions", depth, required: false);
        }

        if (card.TryGetProperty("selectAction", out var select))
        {
            Action(select, path + ".selectAction", depth + 1, isSelectAction: true, registerIds: true);
        }

        if (isRoot && card.TryGetProperty("msteams", out var msteams))
        {
            MsTeams(msteams, path + ".msteams");
        }
    }

    private void CheckVersion(JsonElement card, string path, bool required)
    {
        if (!card.TryGetProperty("version", out var versionElement))
        {
            if (required)
            {
                Add(path, "version is missing");
            }

            return;
        }

        var text = versionElement.ValueKind == JsonValueKind.String ? versionElement.GetString()! : string.Empty;
        if (!Version.TryParse(text.Contains('.', StringComparison.Ordinal) ? text : text + ".0", out var version))
        {
            Add(path + ".version", $"'{versionElement}' is not a card version");
        }
        else if (version > options.MaxVersion)
        {
            Add(path + ".version", $"version {text} is above {options.MaxVersion}, the highest Teams renders");
        }
    }

    private void Elements(JsonElement items, string path, int depth, bool registerIds, bool requireItems)
    {
        if (items.ValueKind != JsonValueKind.Array)
        {
            Add(path, "must be an array of elements");
            return;
        }

        if (requireItems && items.GetArrayLength() == 0)
        {
            Add(path, "must not be empty");
        }

        var i = 0;
        foreach (var item in items.EnumerateArray())
        {
            Element(item, $"{path}[{i++}]", depth + 1, registerIds);
        }
    }

    private void Element(JsonElement element, string path, int depth, bool registerIds)
    {
        if (!IsObject(element, path, "an element") || TooDeep(path, depth))
        {
            return;
        }

        var type = String(element, "type");
        if (type is null)
        {
            Add(path, "type is missing");
            return;
        }

        if (type == "Media")
        {
            Add(path, "Media is not supported in Teams");
            return;
        }

        if (!ElementTypes.Contains(type))
        {
            Add(path, $"element type '{type}' is not one CertBot's card model supports");
            return;
        }

        if (registerIds)
        {
            RegisterId(element, path);
        }

        switch (type)
        {
            case "TextBlock":
                RequireString(element, path, "text", out var text);
                _markdownTexts.Add(text ?? string.Empty);
                break;
            case "RichTextBlock":
                Inlines(element, path, depth);
                break;
            case "FactSet":
                Facts(element, path);
                break;
            case "ColumnSet":
                Columns(element, path, depth, registerIds);
                break;
            case "Container":
                RequireArray(element, path, "items", out var items);
                Elements(items, path + ".items", depth, registerIds, requireItems: true);
                break;
            case "Table":
                Table(element, path, depth, registerIds);
                break;
            case "Image":
                Https(element, path, "url", required: true);
                break;
            case "ActionSet":
                RequireArray(element, path, "actions", out var actions);
                Actions(actions, path + ".actions", depth, required: true);
                break;
            case "Input.Text":
                RequireString(element, path, "id", out _);
                break;
            case "Input.ChoiceSet":
                RequireString(element, path, "id", out _);
                Choices(element, path);
                break;
        }

        SelectAction(element, path, depth);
        if (element.TryGetProperty("fallback", out var fallback) && fallback.ValueKind != JsonValueKind.String)
        {
            Element(fallback, path + ".fallback", depth + 1, registerIds: false);
        }
        else if (fallback.ValueKind == JsonValueKind.String && !fallback.ValueEquals("drop"))
        {
            Add(path + ".fallback", "a string fallback must be \"drop\"");
        }
    }

    private void Inlines(JsonElement element, string path, int depth)
    {
        if (!RequireArray(element, path, "inlines", out var inlines))
        {
            return;
        }

        var i = 0;
        foreach (var inline in inlines.EnumerateArray())
        {
            var inlinePath = $"{path}.inlines[{i++}]";
            if (inline.ValueKind == JsonValueKind.String)
            {
                continue;
            }

            if (!IsObject(inline, inlinePath, "a TextRun"))
            {
                continue;
            }

            if (String(inline, "type") != "TextRun")
            {
                Add(inlinePath, "type must be \"TextRun\"");
            }

            RequireString(inline, inlinePath, "text", out _);
            SelectAction(inline, inlinePath, depth);
        }
    }

    private void Facts(JsonElement element, string path)
    {
        if (!RequireArray(element, path, "facts", out var facts))
        {
            return;
        }

        if (facts.GetArrayLength() == 0)
        {
            Add(path + ".facts", "must not be empty");
        }

        var i = 0;
        foreach (var fact in facts.EnumerateArray())
        {
            var factPath = $"{path}.facts[{i++}]";
            if (IsObject(fact, factPath, "a fact"))
            {
                RequireString(fact, factPath, "title", out var title);
                RequireString(fact, factPath, "value", out var value);
                _markdownTexts.Add(title + " " + value);
            }
        }
    }

    private void Choices(JsonElement element, string path)
    {
        if (!RequireArray(element, path, "choices", out var choices))
        {
            return;
        }

        if (choices.GetArrayLength() == 0)
        {
            Add(path + ".choices", "must not be empty");
        }

        var i = 0;
        foreach (var choice in choices.EnumerateArray())
        {
            var choicePath = $"{path}.choices[{i++}]";
            if (IsObject(choice, choicePath, "a choice"))
            {
                RequireString(choice, choicePath, "title", out _);
                RequireString(choice, choicePath, "value", out _);
            }
        }
    }

    private void Columns(JsonElement element, string path, int depth, bool registerIds)
    {
        if (!RequireArray(element, path, "columns", out var columns))
        {
            return;
        }

        if (columns.GetArrayLength() == 0)
        {
            Add(path + ".columns", "must not be empty");
        }

        var i = 0;
        foreach (var column in columns.EnumerateArray())
        {
            var columnPath = $"{path}.columns[{i++}]";
            if (!IsObject(column, columnPath, "a Column"))
            {
                continue;
            }

            if (column.TryGetProperty("type", out var type) && !type.ValueEquals("Column"))
            {
                Add(columnPath, "type must be \"Column\"");
            }

            if (registerIds)
            {
                RegisterId(column, columnPath);
            }

            CheckWidth(column, columnPath);
            if (column.TryGetProperty("items", out var items))
            {
                Elements(items, columnPath + ".items", depth + 1, registerIds, requireItems: false);
            }

            SelectAction(column, columnPath, depth + 1);
        }
    }

    private void Table(JsonElement element, string path, int depth, bool registerIds)
    {
        var columnCount = 0;
        if (RequireArray(element, path, "columns", out var columns))
        {
            columnCount = columns.GetArrayLength();
            if (columnCount == 0)
            {
                Add(path + ".columns", "must not be empty");
            }

            var c = 0;
            foreach (var column in columns.EnumerateArray())
            {
                var columnPath = $"{path}.columns[{c++}]";
                if (IsObject(column, columnPath, "a column definition"))
                {
                    CheckWidth(column, columnPath);
                }
            }
        }

        if (!RequireArray(element, path, "rows", out var rows))
        {
            return;
        }

        var r = 0;
        foreach (var row in rows.EnumerateArray())
        {
            var rowPath = $"{path}.rows[{r++}]";
            if (!IsObject(row, rowPath, "a TableRow"))
            {
                continue;
            }

            if (row.TryGetProperty("type", out var rowType) && !rowType.ValueEquals("TableRow"))
            {
                Add(rowPath, "type must be \"TableRow\"");
            }

            if (!RequireArray(row, rowPath, "cells", out var cells))
            {
                continue;
            }

            if (cells.GetArrayLength() > columnCount)
            {
                Add(rowPath, $"has {cells.GetArrayLength()} cells but the table defines {columnCount} columns");
            }

            var k = 0;
            foreach (var cell in cells.EnumerateArray())
            {
                var cellPath = $"{rowPath}.cells[{k++}]";
                if (!IsObject(cell, cellPath, "a TableCell"))
                {
                    continue;
                }

                if (cell.TryGetProperty("type", out var cellType) && !cellType.ValueEquals("TableCell"))
                {
                    Add(cellPath, "type must be \"TableCell\"");
                }

                if (RequireArray(cell, cellPath, "items", out var items))
                {
                    Elements(items, cellPath + ".items", depth + 2, registerIds, requireItems: false);
                }

                SelectAction(cell, cellPath, depth + 2);
            }
        }
    }

    private void CheckWidth(JsonElement owner, string path)
    {
        if (!owner.TryGetProperty("width", out var width))
        {
            return;
        }

        var valid = width.ValueKind switch
        {
            JsonValueKind.Number => width.TryGetDouble(out var weight) && weight > 0,
            JsonValueKind.String => IsWidthText(width.GetString()!),
            _ => false,
        };
        if (!valid)
        {
            Add(path + ".width", $"'{width}' is not a width (auto, stretch, a positive number or NNpx)");
        }
    }

    private static bool IsWidthText(string text)
    {
        try
        {
            AdaptiveColumnWidth.Parse(text);
            return true;
        }
        catch (FormatException)
        {
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var weight) && weight > 0;
        }
    }

    private void Actions(JsonElement actions, string path, int depth, bool required)
    {
        if (actions.ValueKind != JsonValueKind.Array)
        {
            Add(path, "must be an array of actions");
            return;
        }

        if (required && actions.GetArrayLength() == 0)
        {
            Add(path, "must not be empty");
        }

        var i = 0;
        foreach (var action in actions.EnumerateArray())
        {
            Action(action, $"{path}[{i++}]", depth + 1, isSelectAction: false, registerIds: true);
        }
    }

    private void SelectAction(JsonElement owner, string path, int depth)
    {
        if (owner.TryGetProperty("selectAction", out var action))
        {
            Action(action, path + ".selectAction", depth + 1, isSelectAction: true, registerIds: true);
        }
    }

    private void Action(JsonElement action, string path, int depth, bool isSelectAction, bool registerIds)
    {
        if (!IsObject(action, path, "an action") || TooDeep(path, depth))
        {
            return;
        }

        var type = String(action, "type");
        if (type is null)
        {
            Add(path, "type is missing");
            return;
        }

        if (!ActionTypes.Contains(type))
        {
            Add(path, $"action type '{type}' is not one Teams supports in CertBot's card model");
            return;
        }

        if (registerIds)
        {
            RegisterId(action, path);
        }

        Https(action, path, "iconUrl", required: false);
        switch (type)
        {
            case "Action.OpenUrl":
                OpenUrl(action, path);
                break;
            case "Action.ShowCard":
                if (isSelectAction)
                {
                    Add(path, "Action.ShowCard cannot be a selectAction");
                }

                if (action.TryGetProperty("card", out var card))
                {
                    Card(card, path + ".card", depth + 1, isRoot: false);
                }
                else
                {
                    Add(path, "card is missing");
                }

                break;
            case "Action.ToggleVisibility":
                ToggleTargets(action, path);
                break;
            case "Action.Submit" or "Action.Execute":
                if (action.TryGetProperty("data", out var data)
                    && data.ValueKind is not (JsonValueKind.Object or JsonValueKind.String))
                {
                    Add(path + ".data", "must be a JSON object or string");
                }

                break;
        }

        if (action.TryGetProperty("fallback", out var fallback))
        {
            if (fallback.ValueKind == JsonValueKind.String)
            {
                if (!fallback.ValueEquals("drop"))
                {
                    Add(path + ".fallback", "a string fallback must be \"drop\"");
                }
            }
            else
            {
                Action(fallback, path + ".fallback", depth + 1, isSelectAction, registerIds: false);
            }
        }
    }

    private void OpenUrl(JsonElement action, string path)
    {
        if (!RequireString(action, path, "url", out var url))
        {
            return;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !options.OpenUrlSchemes.Contains(uri.Scheme))
        {
            Add(path + ".url", $"'{url}' is not an absolute URL with an allowed scheme ({string.Join(", ", options.OpenUrlSchemes)})");
        }
    }

    private void ToggleTargets(JsonElement action, string path)
    {
        if (!RequireArray(action, path, "targetElements", out var targets))
        {
            return;
        }

        if (targets.GetArrayLength() == 0)
        {
            Add(path + ".targetElements", "must not be empty");
        }

        var i = 0;
        foreach (var target in targets.EnumerateArray())
        {
            var targetPath = $"{path}.targetElements[{i++}]";
            var id = target.ValueKind == JsonValueKind.String ? target.GetString() : String(target, "elementId");
            if (string.IsNullOrEmpty(id))
            {
                Add(targetPath, "must be an element id or an object with elementId");
            }
            else
            {
                _toggleTargets.Add((targetPath, id));
            }
        }
    }

    private void MsTeams(JsonElement msteams, string path)
    {
        if (!IsObject(msteams, path, "an object"))
        {
            return;
        }

        if (msteams.TryGetProperty("width", out var width) && !width.ValueEquals(MsTeamsCardProperties.FullWidth))
        {
            Add(path + ".width", "the only width Teams knows is \"Full\"");
        }

        if (!msteams.TryGetProperty("entities", out var entities))
        {
            return;
        }

        if (entities.ValueKind != JsonValueKind.Array)
        {
            Add(path + ".entities", "must be an array");
            return;
        }

        var i = 0;
        foreach (var entity in entities.EnumerateArray())
        {
            var entityPath = $"{path}.entities[{i++}]";
            if (!IsObject(entity, entityPath, "a mention"))
            {
                continue;
            }

            if (String(entity, "type") != "mention")
            {
                Add(entityPath, "type must be \"mention\"");
            }

            if (RequireString(entity, entityPath, "text", out var text)
                && !_markdownTexts.Exists(t => t.Contains(text!, StringComparison.Ordinal)))
            {
                Add(entityPath, $"'{text}' does not appear in any TextBlock or FactSet, so Teams shows no mention");
            }

            if (entity.TryGetProperty("mentioned", out var mentioned) && IsObject(mentioned, entityPath + ".mentioned", "an object"))
            {
                RequireString(mentioned, entityPath + ".mentioned", "id", out _);
                RequireString(mentioned, entityPath + ".mentioned", "name", out _);
            }
            else if (mentioned.ValueKind == JsonValueKind.Undefined)
            {
                Add(entityPath, "mentioned is missing");
            }
        }
    }

    private void Https(JsonElement owner, string path, string property, bool required)
    {
        if (!owner.TryGetProperty(property, out _) && !required)
        {
            return;
        }

        if (RequireString(owner, path, property, out var url)
            && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps))
        {
            Add(path + "." + property, $"'{url}' is not an absolute https URL");
        }
    }

    private void RegisterId(JsonElement owner, string path)
    {
        if (!owner.TryGetProperty("id", out var idElement))
        {
            return;
        }

        var id = idElement.ValueKind == JsonValueKind.String ? idElement.GetString() : null;
        if (string.IsNullOrEmpty(id))
        {
            Add(path + ".id", "must be a non-empty string");
        }
        else if (!_ids.TryAdd(id, path))
        {
            Add(path + ".id", $"id '{id}' is already used at {_ids[id]}");
        }
    }

    private bool RequireString(JsonElement owner, string path, string property, out string? value)
    {
        value = owner.TryGetProperty(property, out var element) && element.ValueKind == JsonValueKind.String
            ? element.GetString()
            : null;
        if (string.IsNullOrEmpty(value))
        {
            Add(path, $"{property} is missing or empty");
            return false;
        }

        return true;
    }

    private bool RequireArray(JsonElement owner, string path, string property, out JsonElement array)
    {
        if (owner.TryGetProperty(property, out array) && array.ValueKind == JsonValueKind.Array)
        {
            return true;
        }

        Add(path, $"{property} is missing or not an array");
        return false;
    }

    private bool IsObject(JsonElement element, string path, string what)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            return true;
        }

        Add(path, $"must be {what} (a JSON object)");
        return false;
    }

    private bool TooDeep(string path, int depth)
    {
        if (depth <= MaxDepth)
        {
            return false;
        }

        Add(path, $"nesting deeper than {MaxDepth} levels");
        return true;
    }

    private static string? String(JsonElement owner, string property) =>
        owner.ValueKind == JsonValueKind.Object
        && owner.TryGetProperty(property, out var value)
        && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private void Add(string path, string message) => _problems.Add(new CardProblem(path, message));
}

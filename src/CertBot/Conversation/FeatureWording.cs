namespace CertBot.Conversation;

/// <summary>
/// One feature's wording in one language, its section <c>features.{name}</c> of messages.{locale}.yaml read by key: a
/// key holds a sentence or a list of sentences. A translation lays its keys over English like the rest of the catalogue.
/// </summary>
public sealed class FeatureWording(string feature, IReadOnlyDictionary<string, object> section)
{
    /// <summary>The sentence under <paramref name="key"/>.</summary>
    /// <exception cref="InvalidDataException">The key is missing or is not a sentence (names <c>features.{name}.{key}</c>).</exception>
    public string Text(string key) =>
        section.TryGetValue(key, out var value) && value is string text && !string.IsNullOrWhiteSpace(text) ? text : throw Missing(key);

    /// <summary>The list of sentences under <paramref name="key"/>.</summary>
    /// <exception cref="InvalidDataException">The key is missing or is not a list of sentences.</exception>
    public IReadOnlyList<string> Texts(string key) =>
        section.TryGetValue(key, out var value) && AsTexts(value) is { Count: > 0 } texts ? texts : throw Missing(key);

    /// <summary>The keys of a section that are empty or neither a sentence nor a list of sentences, for the start-up check.</summary>
    internal static IEnumerable<string> MissingIn(string feature, IReadOnlyDictionary<string, object> section)
    {
        if (section is not { Count: > 0 })
        {
            yield return $"features.{feature}";
            yield break;
        }

        foreach (var (key, value) in section)
        {
            if ((value is not string text || string.IsNullOrWhiteSpace(text)) && AsTexts(value) is not { Count: > 0 })
            {
                yield return $"features.{feature}.{key}";
            }
        }
    }

    // YAML lists arrive as lists of objects; a list counts only when every item is a non-blank sentence.
    private static List<string>? AsTexts(object? value) =>
        value is IEnumerable<object> items && value is not string
            && items.ToList() is var list && list.All(item => item is string s && !string.IsNullOrWhiteSpace(s))
            ? list.Cast<string>().ToList()
            : null;

    private InvalidDataException Missing(string key) => new($"messages: missing or empty message(s): features.{feature}.{key}");
}

using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace CertBot.Tests.Localization;

/// <summary>
/// Finds text in a pseudo-localized reply that no catalogue produced. The reply is cut at every character outside
/// printable ASCII (the pseudo-locale's wording, the knowledge's text included, is all outside it); each ASCII piece
/// left that holds a letter must be data: part of a fact the knowledge shows as it is in every language (a vendor, an
/// exam code, a fee, a course provider, a link), or something the person typed or is called.
/// </summary>
public sealed partial class CatalogueAudit
{
    // The facts people see as they are in every language. Ids, levels, statuses and relations never reach a card as
    // such: shown, they would be text put together in code, so they are not data here.
    private static readonly HashSet<string> ShownFacts = new(StringComparer.Ordinal) { "vendor", "examCode", "fee", "provider", "officialLink", "url" };

    private readonly List<string> _data;

    /// <param name="knowledgePath">The facts file: only its facts count as data, never the text beside it.</param>
    public CatalogueAudit(string knowledgePath, IEnumerable<string> typedOrNamed)
    {
        var stream = new YamlStream();
        using (var reader = File.OpenText(knowledgePath))
        {
            stream.Load(reader);
        }

        _data = [.. Facts(stream.Documents[0].RootNode, null).Concat(typedOrNamed).Select(Plain)];
    }

    /// <summary>The pieces of <paramref name="text"/> that are neither catalogue wording nor data.</summary>
    public IEnumerable<string> Leaks(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Link targets are URLs (data); markdown escapes are the renderer's, not the text's.
        foreach (var piece in NotAscii().Split(Plain(text)))
        {
            var trimmed = piece.Trim().Trim('*', '_', '[', ']', '#').Trim();
            if (!trimmed.Any(char.IsAsciiLetter) || trimmed.StartsWith("http", StringComparison.Ordinal))
            {
                continue;
            }

            if (!_data.Any(value => value.Contains(trimmed, StringComparison.Ordinal)))
            {
                yield return trimmed;
            }
        }
    }

    private static string Plain(string text) => LinkTarget().Replace(text, " ").Replace("\\", "", StringComparison.Ordinal);

    private static IEnumerable<string> Facts(YamlNode node, string? key) => node switch
    {
        YamlScalarNode { Value: { } value } when key is not null && ShownFacts.Contains(key) => [value],
        YamlSequenceNode sequence => sequence.Children.SelectMany(child => Facts(child, key)),
        YamlMappingNode mapping => mapping.Children.SelectMany(pair => Facts(pair.Value, (pair.Key as YamlScalarNode)?.Value)),
        _ => [],
    };

    [GeneratedRegex(@"[^\x20-\x7E]+")]
    private static partial Regex NotAscii();

    [GeneratedRegex(@"\]\([^)]*\)")]
    private static partial Regex LinkTarget();
}

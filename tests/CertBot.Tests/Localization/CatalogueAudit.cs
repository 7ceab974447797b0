using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace CertBot.Tests.Localization;

/// <summary>
/// Finds text in a pseudo-localized reply that no catalogue produced. The reply is cut at every character outside
/// printable ASCII (the pseudo-locale's wording is all outside it); each ASCII piece left that holds a letter must
/// be data: part of a value the knowledge file states (names, codes, prices, answers: not yet per language), or
/// something the person typed or is called.
/// </summary>
public sealed partial class CatalogueAudit
{
    // The knowledge sections whose values reach cards; the matcher's vocabulary and the levels' figures never do.
    private static readonly string[] ShownSections = ["credentials", "courses", "paths", "hiringSignals", "faqs", "details"];

    private readonly List<string> _data;

    public CatalogueAudit(string knowledgePath, IEnumerable<string> typedOrNamed)
    {
        // The facts and, for now, their English text (knowledge.en.yaml beside them) count as data.
        var roots = new[] { knowledgePath, Path.ChangeExtension(knowledgePath, ".en.yaml") }.Select(Load).ToList();
        _data = [.. roots.SelectMany(root => ShownSections.Where(section => root.Children.ContainsKey(new YamlScalarNode(section)))
            .SelectMany(section => Scalars(root.Children[new YamlScalarNode(section)])))
            .Concat(CertBot.Knowledge.Loading.KnowledgeLoader.Load(knowledgePath, CertBot.Knowledge.Loading.KnowledgeValidationOptions.Default).Knowledge!.Credentials.Select(c => c.Cost))
            .Concat(typedOrNamed).Select(Plain)];
    }

    private static YamlMappingNode Load(string path)
    {
        var stream = new YamlStream();
        using var reader = File.OpenText(path);
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
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

    private static IEnumerable<string> Scalars(YamlNode node) => node switch
    {
        YamlScalarNode { Value: { } value } => [value],
        YamlSequenceNode sequence => sequence.Children.SelectMany(Scalars),
        YamlMappingNode mapping => mapping.Children.Values.SelectMany(Scalars),
        _ => [],
    };

    [GeneratedRegex(@"[^\x20-\x7E]+")]
    private static partial Regex NotAscii();

    [GeneratedRegex(@"\]\([^)]*\)")]
    private static partial Regex LinkTarget();
}

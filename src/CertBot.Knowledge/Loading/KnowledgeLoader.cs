using CertBot.Knowledge.Model;
using CertBot.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CertBot.Knowledge.Loading;

/// <summary>
/// Reads and validates a knowledge: its facts file with the text files beside it (see <see cref="KnowledgeFiles"/>)
/// laid over it for one language, into one <see cref="KnowledgeBase"/>; never throws for content problems, it reports
/// them with the file, line and column they are in.
/// </summary>
public static class KnowledgeLoader
{
    /// <summary>Loads the English knowledge of the facts file at <paramref name="path"/>; the result holds knowledge only when there are no errors.</summary>
    public static KnowledgeLoadResult Load(string path, KnowledgeValidationOptions options) => Load(path, options, CatalogueLocale.Default);

    /// <summary>
    /// Loads the knowledge of the facts file at <paramref name="path"/> in <paramref name="locale"/>: the facts, the
    /// English text, then the text of the locale's fallback chain (fr, then fr-CA), each laid over the one below.
    /// </summary>
    public static KnowledgeLoadResult Load(string path, KnowledgeValidationOptions options, string locale)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(locale);
        var files = KnowledgeFiles.Find(path);
        return Load(files, files.TextLayersOf(locale), options);
    }

    /// <summary>
    /// Loads the knowledge in every locale that has text beside the facts file (English always) and validates each;
    /// the report holds every problem once, and the knowledge is there only when no locale has errors.
    /// </summary>
    public static LocalizedKnowledgeLoadResult LoadAll(string path, KnowledgeValidationOptions options)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        var files = KnowledgeFiles.Find(path);
        var results = files.Locales.Order(StringComparer.Ordinal)
            .ToDictionary(locale => locale, locale => Load(files, files.TextLayersOf(locale), options), StringComparer.Ordinal);
        // The facts and the English text are read again for every locale: report what they hold once.
        var report = new ValidationReport(results.Values.SelectMany(result => result.Report.Issues).Distinct());
        return new LocalizedKnowledgeLoadResult(
            report.HasErrors ? null : results.ToDictionary(pair => pair.Key, pair => pair.Value.Knowledge!, StringComparer.Ordinal),
            report);
    }

    /// <summary>Loads knowledge from one YAML document holding facts and English text together; <paramref name="file"/> names the source in issues.</summary>
    public static KnowledgeLoadResult Parse(string yaml, string file, KnowledgeValidationOptions options)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(options);
        var issues = new List<ValidationIssue>();
        var map = new KnowledgeSourceMap(file);
        if (!TryParse(yaml, file, issues, out var root))
        {
            return new KnowledgeLoadResult(null, new ValidationReport(issues));
        }

        return Finish(root, map, issues, options, missingHint: null);
    }

    private static KnowledgeLoadResult Load(KnowledgeFiles files, IReadOnlyList<string> textLayers, KnowledgeValidationOptions options)
    {
        var issues = new List<ValidationIssue>();
        var map = new KnowledgeSourceMap(files.FactsPath);
        if (!TryRead(files.FactsPath, issues, out var root))
        {
            return new KnowledgeLoadResult(null, new ValidationReport(issues));
        }

        Func<string, string?>? missingHint = null;
        if (root is YamlMappingNode facts)
        {
            map.RecordFile(facts, files.FactsPath);
            if (files.EnglishTextPath is { } englishPath)
            {
                var english = Path.GetFileName(englishPath);
                KnowledgeTextSchema.CheckFacts(facts, map, english, issues);
                missingHint = key => KnowledgeTextSchema.IsText(key) ? $"its English text belongs in {english}." : null;
            }

            foreach (var layer in textLayers)
            {
                if (!TryRead(layer, issues, out var node) || node is null)
                {
                    continue;
                }

                if (node is not YamlMappingNode text)
                {
                    issues.Add(new ValidationIssue(ValidationSeverity.Error, layer, (int)node.Start.Line, (int)node.Start.Column,
                        "A knowledge text file must be a mapping of sections (credentials, faqs...) to the entries it words."));
                    continue;
                }

                map.RecordFile(text, layer);
                KnowledgeTextSchema.CheckText(text, facts, translation: layer != files.EnglishTextPath, layer, map, issues);
                YamlLayers.MergeInto(facts, text, KnowledgeTextSchema.IdentityKeys);
            }
        }

        return Finish(root, map, issues, options, missingHint);
    }

    private static KnowledgeLoadResult Finish(YamlNode? root, KnowledgeSourceMap map, List<ValidationIssue> issues, KnowledgeValidationOptions options, Func<string, string?>? missingHint)
    {
        var knowledge = new KnowledgeDocumentReader(new YamlFieldReader(map, issues, missingHint)).Read(root);
        if (knowledge is not null)
        {
            issues.AddRange(KnowledgeValidator.Validate(knowledge, map, options));
        }

        var report = new ValidationReport(issues);
        return new KnowledgeLoadResult(report.HasErrors ? null : knowledge, report);
    }

    private static bool TryRead(string path, List<ValidationIssue> issues, out YamlNode? root)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            issues.Add(new ValidationIssue(ValidationSeverity.Error, path, 1, 1, $"The knowledge file cannot be read: {ex.Message}"));
            root = null;
            return false;
        }

        return TryParse(text, path, issues, out root);
    }

    /// <summary>The document's root (null for an empty file); false, with the syntax error reported, when it is not YAML.</summary>
    private static bool TryParse(string yaml, string file, List<ValidationIssue> issues, out YamlNode? root)
    {
        root = null;
        var stream = new YamlStream();
        using var reader = new StringReader(yaml);
        var parser = new PositionTrackingParser(new Parser(reader));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException ex)
        {
            issues.Add(new ValidationIssue(ValidationSeverity.Error, file, (int)ex.Start.Line, (int)ex.Start.Column,
                "YAML syntax error: " + Describe(ex)));
            return false;
        }
        catch (InvalidOperationException ex)
        {
            // Some malformed input makes YamlDotNet's scanner fail without a mark; report where parsing last stood.
            var at = parser.LastPosition;
            issues.Add(new ValidationIssue(ValidationSeverity.Error, file, (int)at.Line, (int)at.Column,
                "YAML syntax error after this point: " + ex.Message));
            return false;
        }

        root = stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        return true;
    }

    private static string Describe(YamlException ex)
    {
        // YamlDotNet prefixes messages with "(Line: x, Col: y, Idx: z) - (…): "; the issue already carries the position.
        var message = ex.InnerException?.Message ?? ex.Message;
        var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        return cut >= 0 ? message[(cut + 3)..] : message;
    }
}

using CertBot.Knowledge.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CertBot.Knowledge.Loading;

/// <summary>Reads and validates a knowledge file; never throws for content problems, it reports them.</summary>
public static class KnowledgeLoader
{
    /// <summary>Loads the file at <paramref name="path"/>; the result holds knowledge only when there are no errors.</summary>
    public static KnowledgeLoadResult Load(string path, KnowledgeValidationOptions options)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var issue = new ValidationIssue(ValidationSeverity.Error, path, 1, 1, $"The knowledge file cannot be read: {ex.Message}");
            return new KnowledgeLoadResult(null, new ValidationReport([issue]));
        }

        return Parse(text, path, options);
    }

    /// <summary>Loads knowledge from YAML text; <paramref name="file"/> names the source in issues.</summary>
    public static KnowledgeLoadResult Parse(string yaml, string file, KnowledgeValidationOptions options)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(options);
        var issues = new List<ValidationIssue>();
        var map = new KnowledgeSourceMap(file);
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
            return new KnowledgeLoadResult(null, new ValidationReport(issues));
        }
        catch (InvalidOperationException ex)
        {
            // Some malformed input makes YamlDotNet's scanner fail without a mark; report where parsing last stood.
            var at = parser.LastPosition;
            issues.Add(new ValidationIssue(ValidationSeverity.Error, file, (int)at.Line, (int)at.Column,
                "YAML syntax error after this point: " + ex.Message));
            return new KnowledgeLoadResult(null, new ValidationReport(issues));
        }

        var knowledge = new KnowledgeDocumentReader(new YamlFieldReader(map, issues)).Read(stream);
        if (knowledge is not null)
        {
            issues.AddRange(KnowledgeValidator.Validate(knowledge, map, options));
        }

        var report = new ValidationReport(issues);
        return new KnowledgeLoadResult(report.HasErrors ? null : knowledge, report);
    }

    private static string Describe(YamlException ex)
    {
        // YamlDotNet prefixes messages with "(Line: x, Col: y, Idx: z) - (…): "; the issue already carries the position.
        var message = ex.InnerException?.Message ?? ex.Message;
        var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        return cut >= 0 ? message[(cut + 3)..] : message;
    }
}

using System.Text;

namespace CertBot.Knowledge.Loading;

/// <summary>Every problem found in a knowledge file, in file order.</summary>
public sealed class ValidationReport
{
    /// <summary>Wraps the issues, sorted by position.</summary>
    public ValidationReport(IEnumerable<ValidationIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(issues);
        Issues = issues
            .OrderBy(i => i.File, StringComparer.Ordinal)
            .ThenBy(i => i.Line)
            .ThenBy(i => i.Column)
            .ToArray();
    }

    /// <summary>All issues.</summary>
    public IReadOnlyList<ValidationIssue> Issues { get; }

    /// <summary>True when at least one issue is an error.</summary>
    public bool HasErrors => Issues.Any(i => i.Severity == ValidationSeverity.Error);

    /// <summary>Issues with error severity.</summary>
    public IEnumerable<ValidationIssue> Errors => Issues.Where(i => i.Severity == ValidationSeverity.Error);

    /// <summary>Issues with warning severity.</summary>
    public IEnumerable<ValidationIssue> Warnings => Issues.Where(i => i.Severity == ValidationSeverity.Warning);

    /// <summary>One issue per line plus a count line, for consoles and logs.</summary>
    public string Format()
    {
        var text = new StringBuilder();
        foreach (var issue in Issues)
        {
            text.AppendLine(issue.ToString());
        }

        text.Append(Errors.Count()).Append(" error(s), ").Append(Warnings.Count()).Append(" warning(s).");
        return text.ToString();
    }
}

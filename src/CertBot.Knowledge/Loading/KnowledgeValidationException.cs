namespace CertBot.Knowledge.Loading;

/// <summary>Thrown when the knowledge file cannot be served; carries the full report.</summary>
public sealed class KnowledgeValidationException : Exception
{
    /// <summary>Creates the exception from a report with errors.</summary>
    public KnowledgeValidationException(ValidationReport report)
        : base(BuildMessage(report))
    {
        Report = report;
    }

    /// <summary>Parameterless constructor for serializers; prefer the report overload.</summary>
    public KnowledgeValidationException()
        : this(new ValidationReport([]))
    {
    }

    /// <summary>Message-only constructor; the report is empty.</summary>
    public KnowledgeValidationException(string message)
        : base(message)
    {
        Report = new ValidationReport([]);
    }

    /// <summary>Message and inner exception; the report is empty.</summary>
    public KnowledgeValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Report = new ValidationReport([]);
    }

    /// <summary>Every problem found.</summary>
    public ValidationReport Report { get; }

    private static string BuildMessage(ValidationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return "The knowledge file is invalid:" + Environment.NewLine + report.Format();
    }
}

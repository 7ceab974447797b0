using System.Globalization;

namespace CertBot.Knowledge.Loading;

/// <summary>One problem in a knowledge file, with its 1-based position and a plain sentence.</summary>
public sealed record ValidationIssue(ValidationSeverity Severity, string File, int Line, int Column, string Message)
{
    /// <summary>Compiler-style rendering: file(line,col): error: message.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{File}({Line},{Column}): {(Severity == ValidationSeverity.Error ? "error" : "warning")}: {Message}");
}

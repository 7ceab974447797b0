namespace CertBot.Dialogs.Definition;

/// <summary>A dialog definition file is invalid; the message starts with file:line:column.</summary>
public sealed class DialogDefinitionException : Exception
{
    /// <summary>Creates the exception for a problem at a position in a file.</summary>
    public DialogDefinitionException(string source, long line, long column, string problem, Exception? inner = null)
        : base(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{source}:{line}:{column}: {problem}"), inner)
    {
        FilePath = source;
        Line = line;
        Column = column;
        Problem = problem;
    }

    /// <summary>Creates the exception with a plain message.</summary>
    public DialogDefinitionException()
        : this("<unknown>", 0, 0, "invalid dialog definition")
    {
    }

    /// <summary>Creates the exception with a plain message.</summary>
    public DialogDefinitionException(string message)
        : this("<unknown>", 0, 0, message)
    {
    }

    /// <summary>Creates the exception with a plain message and cause.</summary>
    public DialogDefinitionException(string message, Exception innerException)
        : this("<unknown>", 0, 0, message, innerException)
    {
    }

    /// <summary>The file (or source name) the definition came from.</summary>
    public string FilePath { get; }

    /// <summary>1-based line of the problem.</summary>
    public long Line { get; }

    /// <summary>1-based column of the problem.</summary>
    public long Column { get; }

    /// <summary>The problem without the position prefix.</summary>
    public string Problem { get; }
}

namespace CertBot.Knowledge.Loading;

/// <summary>How serious a knowledge file problem is: errors block loading, warnings do not.</summary>
public enum ValidationSeverity
{
    /// <summary>The file cannot be served.</summary>
    Error,

    /// <summary>The file can be served but needs a curator's attention.</summary>
    Warning,
}

namespace CertBot.Tools;

/// <summary>The kinds of signal the report groups, in the order it prints them.</summary>
public enum CuratorSignalKind
{
    Unanswered,
    LowConfidence,
    NotHelpful,
    Helpful,
}

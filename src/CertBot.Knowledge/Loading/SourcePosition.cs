namespace CertBot.Knowledge.Loading;

/// <summary>A 1-based line and column in a knowledge file.</summary>
public readonly record struct SourcePosition(int Line, int Column);

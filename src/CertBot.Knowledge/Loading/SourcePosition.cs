namespace CertBot.Knowledge.Loading;

/// <summary>A 1-based line and column in a knowledge file; <paramref name="File"/> names it when it is not the facts file.</summary>
public readonly record struct SourcePosition(int Line, int Column, string? File = null);

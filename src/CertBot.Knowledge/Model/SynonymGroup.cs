namespace CertBot.Knowledge.Model;

/// <summary>Words or two-word phrases that mean the same to the FAQ matcher; each variant maps to the canonical word.</summary>
public sealed record SynonymGroup(string Canonical, IReadOnlyList<string> Variants);

namespace CertBot.Knowledge.Model;

/// <summary>A course from the curated catalogue, with its rating and the personas it serves.</summary>
public sealed record Course(
    string Id,
    string Title,
    string Provider,
    decimal Rating,
    string Teaches,
    IReadOnlyList<Role> Personas);

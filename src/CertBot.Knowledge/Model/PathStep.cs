namespace CertBot.Knowledge.Model;

/// <summary>One ordered step of a persona's learning path; <see cref="CourseId"/> is set for course steps.</summary>
public sealed record PathStep(PathStepKind Kind, string? CourseId, string Text);

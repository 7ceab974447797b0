using CertBot.Knowledge.Model;

namespace CertBot.Knowledge.Recommendations;

/// <summary>One course on the learner's path, in order (1-based), with its display line and why it is there.</summary>
public sealed record CourseAdvice(int Order, Course Course, string Display, string Why);

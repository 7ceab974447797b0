using CertBot.Knowledge.Model;

namespace CertBot.Knowledge.Recommendations;

/// <summary>One course on the learner's path, in order (1-based), and why it is there (the path step's knowledge wording).</summary>
public sealed record CourseAdvice(int Order, Course Course, string Why);

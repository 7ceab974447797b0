namespace CertBot.Tools.Evaluation;

/// <summary>One message and the profile facts it states (slot name to expectation); unstated slots must stay unknown.</summary>
public sealed record ProfileEvaluationItem(string Text, IReadOnlyDictionary<string, ProfileExpectation> Expected, IReadOnlyList<string> Tags);

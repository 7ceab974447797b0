namespace CertBot.Knowledge.Faq;

/// <summary>One labelled utterance: the FAQ id it should answer, or null when the bot must abstain.</summary>
public sealed record FaqEvaluationItem(string Utterance, string? ExpectedFaqId);

namespace CertBot.Tests.Conversation;

/// <summary>One typed message and what the reply must be.</summary>
public sealed record ChatStep(string Say, Expect Expect);

using CertBot.Knowledge.Model;

namespace CertBot.Knowledge.Recommendations;

/// <summary>The credential to aim for and why (always an active or retiring credential).</summary>
public sealed record CredentialAdvice(Credential Credential, RecommendationReason Reason);

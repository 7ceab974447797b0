using CertBot.Knowledge.Model;

namespace CertBot.Knowledge.Recommendations;

/// <summary>Why the primary credential is the one to aim for; the host words it from its catalogue.</summary>
public abstract record RecommendationReason
{
    private RecommendationReason()
    {
    }

    /// <summary>It is the current ML credential of the cloud the person's target employer runs.</summary>
    public sealed record PrimaryForCloud(string CredentialId, CloudPlatform Platform) : RecommendationReason;

    /// <summary>It is the end goal, after the persona's foundation courses and a project.</summary>
    public sealed record PrimaryAfterFoundations(string CredentialId) : RecommendationReason;
}

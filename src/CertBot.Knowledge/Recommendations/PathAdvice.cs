using CertBot.Knowledge.Model;

namespace CertBot.Knowledge.Recommendations;

/// <summary>The path in one sentence, agreeing with the readiness verdict; the host words it from its catalogue.</summary>
public abstract record PathAdvice
{
    private PathAdvice()
    {
    }

    /// <summary>The persona's own summary from the knowledge file, which the verdict does not contradict.</summary>
    public sealed record PersonaSummary(Role Persona) : PathAdvice;

    /// <summary>The person already has the experience the credential expects: skip the coursework, go to exam preparation.</summary>
    public sealed record Ready(string CredentialId) : PathAdvice;

    /// <summary>An experienced person still short of what the credential expects: gain that first.</summary>
    public sealed record GainFirst(string CredentialId) : PathAdvice;

    /// <summary>An experienced person whose years on the credential's cloud are not known yet.</summary>
    public sealed record DependsOnCloudYears(string CredentialId, CloudPlatform Platform) : PathAdvice;
}

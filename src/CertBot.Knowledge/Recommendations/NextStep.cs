using CertBot.Knowledge.Model;

namespace CertBot.Knowledge.Recommendations;

/// <summary>One step of the advice, in order: what to gain first, then the persona's path. The host words it.</summary>
public abstract record NextStep
{
    private NextStep()
    {
    }

    /// <summary>Gain hands-on ML experience first: the credential expects <paramref name="Required"/> years, the person has <paramref name="Actual"/>.</summary>
    public sealed record GainMlYears(string CredentialId, decimal Required, decimal Actual) : NextStep;

    /// <summary>Get hands-on with the platform first: <paramref name="Required"/> years expected, <paramref name="Actual"/> given.</summary>
    public sealed record GainPlatformYears(CloudPlatform Platform, decimal Required, decimal Actual) : NextStep;

    /// <summary>Take a course of the path, for the reason the path step gives (knowledge wording).</summary>
    public sealed record TakeCourse(string CourseId, string Why) : NextStep;

    /// <summary>Work through the official exam guide and practice tests (someone ready, with no practice step on the path).</summary>
    public sealed record ExamPrep(string CredentialId) : NextStep;

    /// <summary>Prepare for and sit the credential; a null id means the cloud is undecided: pick the employer's vendor exam.</summary>
    public sealed record SitExam(string? CredentialId) : NextStep;

    /// <summary>The typical preparation time of the credential (its knowledge fact).</summary>
    public sealed record PreparationTime(string CredentialId) : NextStep;

    /// <summary>Any other step of the persona's path, as the knowledge file words it.</summary>
    public sealed record PathStepText(string Text) : NextStep;
}

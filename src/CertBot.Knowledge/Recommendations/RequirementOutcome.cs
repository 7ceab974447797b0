namespace CertBot.Knowledge.Recommendations;

/// <summary>How the person's profile compares with one requirement.</summary>
public enum RequirementOutcome
{
    /// <summary>The profile meets or exceeds it.</summary>
    Met,

    /// <summary>The profile falls short of it.</summary>
    Shortfall,

    /// <summary>The profile does not hold the fact needed (years on the platform not given).</summary>
    Unknown,
}

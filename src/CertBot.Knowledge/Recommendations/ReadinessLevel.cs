namespace CertBot.Knowledge.Recommendations;

/// <summary>
/// How ready a person is to sit one credential, declared from best to worst so comparisons read naturally:
/// <see cref="Check"/> ranks below <see cref="Close"/> because an unknown fact must never look better than a known,
/// small shortfall, and above <see cref="NotYet"/> because a known large shortfall is the stronger statement.
/// </summary>
public enum ReadinessLevel
{
    /// <summary>Every requirement that applies is met.</summary>
    Ready,

    /// <summary>Short on some requirement, but by no more than half of it.</summary>
    Close,

    /// <summary>Nothing known is far short, but a fact needed to judge (years on the platform) is not given.</summary>
    Check,

    /// <summary>Short on some requirement by more than half of it.</summary>
    NotYet,
}

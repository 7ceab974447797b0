namespace CertBot.Knowledge.Faq;

/// <summary>A detail the question asks for that the knowledge does not hold, and where the official answer lives.</summary>
/// <param name="DetailId">The curated detail id (passing-score, retakes...).</param>
/// <param name="DetailLabel">How to name the detail to people ("the passing score").</param>
/// <param name="CredentialName">The credential asked about, or null when the question names none.</param>
/// <param name="OfficialLink">The vendor page that has it.</param>
public sealed record FaqDetailGap(string DetailId, string DetailLabel, string? CredentialName, Uri? OfficialLink)
{
    /// <summary>The topic is outside what the knowledge covers at all (not just for this credential).</summary>
    public bool HeldNowhere { get; init; }
}

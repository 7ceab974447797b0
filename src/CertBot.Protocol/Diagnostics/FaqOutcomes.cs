namespace CertBot.Protocol.Diagnostics;

/// <summary>Values of the <c>certbot.outcome</c> tag.</summary>
public static class FaqOutcomes
{
    public const string Answered = "answered";
    public const string NotHeld = "not-held";
    public const string Suggested = "suggested";
    public const string Abstained = "abstained";
}

namespace CertBot.Protocol.Diagnostics;

/// <summary>Values of the <c>certbot.path</c> tag.</summary>
public static class UnderstandingPaths
{
    public const string Lexical = "lexical";
    public const string Semantic = "semantic";
    public const string Abstained = "abstained";
}

namespace CertBot.Protocol.Diagnostics;

/// <summary>The phases of a turn, in order, as the <c>certbot.phase</c> tag names them.</summary>
public static class TurnPhases
{
    public const string Lock = "lock";
    public const string Load = "load";
    public const string Bot = "bot";
    public const string Save = "save";
    public const string Total = "total";
}

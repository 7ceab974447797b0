namespace CertBot.Protocol.Configuration;

/// <summary>How the bot's Entra app registration authenticates outbound calls (config key <c>MicrosoftAppType</c>).</summary>
public enum BotAppType
{
    MultiTenant,
    SingleTenant,
    UserAssignedMSI,
}

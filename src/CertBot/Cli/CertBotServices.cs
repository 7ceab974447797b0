using CertBot.Hosting;

namespace CertBot.Cli;

/// <summary>The bot's services for tools that run it in-process; the web server is built but never started.</summary>
public static class CertBotServices
{
    public static WebApplication Build(string[] args)
        => CertBotApp.Build([.. args, "--Logging:LogLevel:Default=Error", "--Logging:LogLevel:Microsoft=Error"]);
}

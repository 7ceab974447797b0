namespace CertBot.Hosting;

/// <summary>The CertBot web application, one setup call per area; tests and the CLI build the same thing.</summary>
public static class CertBotApp
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Configuration.AddCertBotLocalSettings(builder.Environment);
        builder.AddCertBotHosting();
        builder.Services.AddCertBotProtocol(builder.Configuration);
        builder.Services.AddCertBotKnowledge(builder.Configuration);
        builder.Services.AddCertBotConversation(builder.Configuration);

        var app = builder.Build();
        app.MapCertBotEndpoints();
        return app;
    }
}

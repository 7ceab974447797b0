using CertBot.Conversation;
using CertBot.Dialogs;

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
        builder.Services.AddCertBotStorage(builder.Configuration);
        builder.Services.AddCertBotEmbeddings(builder.Configuration);
        builder.Services.AddCertBotKnowledge(builder.Configuration);
        builder.Services.AddCertBotConversation(builder.Configuration);

        var app = builder.Build();
        LoadContent(app.Services);
        app.MapCertBotEndpoints();
        return app;
    }

    /// <summary>Serves the bot until shut down; a broken content file stops it at start-up with the file's report, not a stack trace.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        WebApplication app;
        try
        {
            app = Build(args);
        }
        catch (Exception ex) when (ex is KnowledgeValidationException or DialogDefinitionException or InvalidDataException or FileNotFoundException or DirectoryNotFoundException)
        {
            await stderr.WriteLineAsync("CertBot cannot start: its content files are invalid.").ConfigureAwait(false);
            await stderr.WriteLineAsync(ex is KnowledgeValidationException knowledge ? knowledge.Report.Format() : ex.Message).ConfigureAwait(false);
            return 1;
        }

        await using (app.ConfigureAwait(false))
        {
            try
            {
                await app.RunAsync().ConfigureAwait(false);
            }
            catch (IOException ex) when (ex.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException || ex.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                // One clear line for the operator instead of Kestrel's stack traces: the usual cause is a second bot.
                await stderr.WriteLineAsync($"CertBot cannot start: {ex.Message} Pick another address with --urls http://localhost:<port> (or ASPNETCORE_URLS).").ConfigureAwait(false);
                return 1;
            }
        }

        return 0;
    }

    // Loads the knowledge, the dialog and the wording now, so an invalid file refuses start-up instead of failing a user's turn.
    private static void LoadContent(IServiceProvider services)
    {
        services.GetRequiredService<IKnowledgeSource>();
        services.GetRequiredService<ProfileDialog>();
        services.GetRequiredService<BotMessages>();
    }
}

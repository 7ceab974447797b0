using CertBot.Conversation;
using CertBot.Hosting;
using Microsoft.Extensions.Hosting;

namespace CertBot.Cli;

/// <summary>The bot's services for tools that run it in-process; the web server is built but never started.</summary>
public static class CertBotServices
{
    public static WebApplication Build(string[] args)
    {
        var app = CertBotApp.Build([.. args, "--Logging:LogLevel:Default=Error", "--Logging:LogLevel:Microsoft=Error"]);
        // Never started, so nothing else would let the models load.
        app.Services.GetService<BackgroundWorkGate>()?.Open();
        return app;
    }

    /// <summary>Waits for the models that load in the background, so a tool measures the bot as it serves once warm.</summary>
    public static async Task WhenModelsReadyAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.GetService<BackgroundWorkGate>()?.Open();
        await services.GetRequiredService<KnowledgeStore>().SemanticIndexing.WaitAsync(cancellationToken).ConfigureAwait(false);
        await services.GetRequiredService<SemanticRoleClassifier>().WhenReady.WaitAsync(cancellationToken).ConfigureAwait(false);
        // The text recognizers warm once the same gate opens (a started host only; a tool's host never starts them).
        await services.GetRequiredService<LanguageModelWarmup>().Warmed.WaitAsync(cancellationToken).ConfigureAwait(false);
        // And the warm-up conversation that runs once the gate opens, so no measured or tested turn shares the bot with it.
        if (services.GetServices<IHostedService>().OfType<TurnPipelineWarmup>().FirstOrDefault() is { } warmup)
        {
            await warmup.Rest.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}

using CertBot.Conversation;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CertBot.Hosting;

/// <summary>
/// Says once, when the host is listening and the models that load in the background have loaded (or failed, or are
/// off), that the bot is ready, with what the models' readiness check says: an operator sees in the log when the bot
/// answers at full quality, and a supervisor (a test, a script) can wait for that line instead of polling /readyz.
/// </summary>
internal sealed partial class ReadinessAnnouncer(
    IHostApplicationLifetime lifetime,
    KnowledgeStore knowledge,
    SemanticRoleClassifier roles,
    LanguageModelWarmup recognizers,
    ILogger<ReadinessAnnouncer> logger) : IHostedService
{
    private Task _announcing = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _announcing = AnnounceAsync(lifetime.ApplicationStopping));
        return Task.CompletedTask;
    }

    // Ends with the stopping token, so there is nothing to wait for but the task itself.
    public Task StopAsync(CancellationToken cancellationToken) => _announcing.WaitAsync(cancellationToken);

    private async Task AnnounceAsync(CancellationToken stopping)
    {
        // Each of these ends on success, failure or shutdown; a failure is logged where it happens, so only the end counts.
        await Task.WhenAll(recognizers.Warmed, knowledge.SemanticIndexing, roles.WhenReady)
            .WaitAsync(stopping)
            .ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (stopping.IsCancellationRequested)
        {
            return;
        }

        var models = await new LanguageModelsHealthCheck(knowledge, roles, recognizers)
            .CheckHealthAsync(new HealthCheckContext(), stopping).ConfigureAwait(false);
        LogReady(models.Description);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "CertBot is ready: {Models}")]
    private partial void LogReady(string? models);
}

using CertBot.Conversation;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CertBot.Hosting;

/// <summary>
/// Readiness of the models that load in the background: the text recognizers and the sentence-embedding model
/// behind the FAQ and role fallbacks. Until they are ready the bot answers lexically, so this reports Degraded (still 200), never Unhealthy.
/// </summary>
public sealed class LanguageModelsHealthCheck(KnowledgeStore knowledge, SemanticRoleClassifier roles, LanguageModelWarmup recognizers) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var faq = knowledge.SemanticStatus;
        var roleState = !roles.IsEnabled ? "off" : roles.IsReady ? "ready" : roles.WhenReady.IsCompleted ? "failed" : "loading";
        var warmed = recognizers.Warmed.IsCompleted;
        var description = $"text recognizers {(warmed ? "ready" : "loading")}, semantic FAQ index {faq.ToString().ToLowerInvariant()}, role prototypes {roleState}";
        var ready = warmed && faq is SemanticIndexStatus.Ready or SemanticIndexStatus.Disabled && roleState is "ready" or "off";
        return Task.FromResult(ready ? HealthCheckResult.Healthy(description) : HealthCheckResult.Degraded(description));
    }
}

using CertBot.Protocol.Authentication;
using CertBot.Protocol.Configuration;
using CertBot.Protocol.Connector;
using CertBot.Protocol.Diagnostics;
using CertBot.Protocol.Outbox;
using CertBot.Protocol.State;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace CertBot.Protocol.Hosting;

/// <summary>Registers the protocol layer; the host adds its own <see cref="IBot"/>.</summary>
public static class ProtocolServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="BotFrameworkOptions"/> (root <c>MicrosoftApp*</c> keys + section <c>BotFramework</c>), validated
    /// at start-up, and registers the adapter, turn runner, de-duplication, authentication, Connector client (with
    /// retries), token provider and the health checks (each bounded by <c>HealthCheckTimeout</c>). The state store is the host's choice: call one provider's setup
    /// extension (<see cref="StorageServiceCollectionExtensions.AddCertBotMemoryStorage"/>, or the Sqlite or AzureBlob project's).
    /// </summary>
    public static IServiceCollection AddCertBotProtocol(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<BotFrameworkOptions>()
            .Configure(options => BindBotFramework(options, configuration))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotFrameworkOptions>, BotFrameworkOptionsValidator>();

        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<CertBotTelemetry>();
        services.TryAddSingleton<TurnBudget>();
        services.TryAddSingleton<TrustedServiceUrls>();
        services.TryAddSingleton<ChannelTokenValidator>();
        services.TryAddSingleton(sp => new ConnectorTokenHealth(
            new MsalConnectorTokenProvider(sp.GetRequiredService<IOptions<BotFrameworkOptions>>(), sp.GetRequiredService<IHttpClientFactory>()),
            sp.GetRequiredService<IOptions<BotFrameworkOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<ConnectorTokenHealth>>()));
        services.TryAddSingleton<IConnectorTokenProvider>(sp => sp.GetRequiredService<ConnectorTokenHealth>());
        services.AddValidatedOptions<OutboxOptions, OutboxOptionsValidator>(configuration, OutboxOptions.SectionName);
        services.TryAddSingleton<ReplyOutbox>();
        services.TryAddSingleton<OutboxDelivery>();
        services.AddHostedService<OutboxDeliveryWorker>();
        services.TryAddSingleton<TurnRunner>();
        // A host that words its own apology (per locale) registers its ITurnFailureReply; this one sends BotFramework:ErrorMessage.
        services.TryAddSingleton<ITurnFailureReply, ConfiguredTurnFailureReply>();
        services.TryAddSingleton(sp => new CloudAdapter(
            sp.GetRequiredService<IServiceScopeFactory>(),
            sp.GetRequiredService<TurnRunner>(),
            sp.GetRequiredService<IStorage>(),
            sp.GetRequiredService<TrustedServiceUrls>(),
            sp.GetRequiredService<IOptions<BotFrameworkOptions>>(),
            sp.GetRequiredService<TurnBudget>(),
            sp.GetRequiredService<ILogger<CloudAdapter>>(),
            sp.GetRequiredService<CertBotTelemetry>(),
            sp.GetRequiredService<ITurnFailureReply>(),
            sp.GetRequiredService<IOptions<OutboxOptions>>().Value.Enabled ? sp.GetRequiredService<ReplyOutbox>() : null));
        services.TryAddSingleton<ActivityDeduplicator>();
        services.TryAddSingleton<MessagesEndpoint>();
        services.AddHostedService<DeliveryRecordSweeper>();
        services.TryAddSingleton<StorageHealthCheck>();
        // A timed-out outbound-token check is Degraded like its failures: taking the bot out of rotation renews no secret.
        services.AddHealthChecks()
            .AddCheck("process", static () => HealthCheckResult.Healthy("alive"), tags: [ReadinessResponseWriter.LiveTag])
            .AddCheck<StorageHealthCheck>("storage", tags: [ReadinessResponseWriter.ReadyTag])
            .AddCheck<ConnectorTokenHealthCheck>("outbound-token", HealthStatus.Degraded, [ReadinessResponseWriter.ReadyTag])
            .AddCheck<SigningKeysHealthCheck>("signing-keys", tags: [ReadinessResponseWriter.ReadyTag]);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<HealthCheckServiceOptions>, TimedHealthChecks>());

        // The timeouts of these three clients run on the registered TimeProvider, not in HttpClient.Timeout (which runs
        // on the system clock): a pipeline timeout bounds each metadata request by MetadataTimeout (the document
        // retriever does not pass its cancellation token on), ConnectorTokenHealth a token request by TokenTimeout, the
        // turn's budget every Connector call and the pipeline's timeout each attempt by ConnectorTimeout. HttpClient's
        // own 100 s default stays as a far backstop.
        services.AddHttpClient(ChannelTokenValidator.MetadataHttpClientName)
            .AddResilienceHandler("metadata", static (pipeline, context) =>
                pipeline.AddTimeout(context.ServiceProvider.GetRequiredService<IOptions<BotFrameworkOptions>>().Value.MetadataTimeout));
        services.AddHttpClient(MsalConnectorTokenProvider.HttpClientName);
        services.AddHttpClient<ConnectorClient>()
            // Polly takes the TimeProvider registered here for the retry delays and the per-attempt timeout.
            .AddResilienceHandler("connector", static (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<BotFrameworkOptions>>().Value;
                var budget = context.ServiceProvider.GetRequiredService<TurnBudget>();
                if (options.ConnectorMaxRetries > 0)
                {
                    var telemetry = context.ServiceProvider.GetRequiredService<CertBotTelemetry>();
                    pipeline.AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = options.ConnectorMaxRetries,
                        Delay = options.ConnectorRetryBaseDelay,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        ShouldRetryAfterHeader = true,
                        ShouldHandle = args => ValueTask.FromResult(
                            ConnectorRetryPolicy.ShouldRetry(args.Outcome) && FitsBudget(args.Outcome, args.AttemptNumber, options, budget)),
                        OnRetry = args =>
                        {
                            telemetry.RecordConnectorRetry((int?)args.Outcome.Result?.StatusCode);
                            return default;
                        },
                    });
                }

                pipeline.AddTimeout(options.ConnectorTimeout);
            });
        return services;
    }

    /// <summary>
    /// A retry is only worth starting when its wait ends before sends must stop: a Retry-After longer than what is
    /// left is not waited for (the reply goes to the outbox instead, which honours the wait).
    /// </summary>
    private static bool FitsBudget(Outcome<HttpResponseMessage> outcome, int attempt, BotFrameworkOptions options, TurnBudget budget)
    {
        if (budget.SendTimeLeft is not { } left)
        {
            return true;
        }

        var wait = outcome.Result is { } response ? ConnectorRetryPolicy.RetryAfter(response, budget.Clock.GetUtcNow()) : null;
        wait ??= options.ConnectorRetryBaseDelay * Math.Pow(2, attempt);
        return wait < left;
    }

    private static void BindBotFramework(BotFrameworkOptions options, IConfiguration configuration)
    {
        configuration.GetSection(BotFrameworkOptions.SectionName).Bind(options);
        if (configuration["MicrosoftAppType"] is { Length: > 0 } appType)
        {
            options.MicrosoftAppType = Enum.TryParse<BotAppType>(appType, ignoreCase: true, out var parsed)
                ? parsed
                : throw new OptionsValidationException(
                    nameof(BotFrameworkOptions), typeof(BotFrameworkOptions),
                    [$"MicrosoftAppType '{appType}' is not MultiTenant, SingleTenant or UserAssignedMSI."]);
        }

        options.MicrosoftAppId = configuration["MicrosoftAppId"] ?? options.MicrosoftAppId;
        options.MicrosoftAppPassword = configuration["MicrosoftAppPassword"] ?? options.MicrosoftAppPassword;
        options.MicrosoftAppTenantId = configuration["MicrosoftAppTenantId"] ?? options.MicrosoftAppTenantId;
    }
}

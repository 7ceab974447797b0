using CertBot.Protocol.Authentication;
using CertBot.Protocol.Configuration;
using CertBot.Protocol.Connector;
using CertBot.Protocol.State;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace CertBot.Protocol.Hosting;

/// <summary>Registers the protocol layer; the host adds its own <see cref="IBot"/>.</summary>
public static class ProtocolServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="BotFrameworkOptions"/> (root <c>MicrosoftApp*</c> keys + section <c>BotFramework</c>), validated
    /// at start-up, and registers the adapter, turn runner, de-duplication, authentication, Connector client (with
    /// retries), token provider and the health checks. The state store is the host's choice: call one provider's setup
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
        services.TryAddSingleton<TrustedServiceUrls>();
        services.TryAddSingleton<ChannelTokenValidator>();
        services.TryAddSingleton<IConnectorTokenProvider>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<BotFrameworkOptions>>();
            return new MsalConnectorTokenProvider(options, sp.GetRequiredService<IHttpClientFactory>());
        });
        services.TryAddSingleton<TurnRunner>();
        services.TryAddSingleton<CloudAdapter>();
        services.TryAddSingleton<ActivityDeduplicator>();
        services.TryAddSingleton<MessagesEndpoint>();
        services.AddHostedService<DeliveryRecordSweeper>();
        services.AddHealthChecks()
            .AddCheck("process", static () => HealthCheckResult.Healthy("alive"), tags: [ReadinessResponseWriter.LiveTag])
            .AddCheck<StorageHealthCheck>("storage", tags: [ReadinessResponseWriter.ReadyTag]);

        services.AddHttpClient(ChannelTokenValidator.MetadataHttpClientName);
        services.AddHttpClient(MsalConnectorTokenProvider.HttpClientName);
        services.AddHttpClient<ConnectorClient>((sp, http) =>
                http.Timeout = sp.GetRequiredService<IOptions<BotFrameworkOptions>>().Value.ConnectorTimeout)
            .AddResilienceHandler("connector", static (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<BotFrameworkOptions>>().Value;
                if (options.ConnectorMaxRetries > 0)
                {
                    pipeline.AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = options.ConnectorMaxRetries,
                        Delay = options.ConnectorRetryBaseDelay,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        ShouldRetryAfterHeader = true,
                        ShouldHandle = static args => ValueTask.FromResult(ConnectorRetryPolicy.ShouldRetry(args.Outcome)),
                    });
                }
            });

        return services;
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

using CertBot.Protocol.Authentication;
using CertBot.Protocol.Configuration;
using CertBot.Protocol.Connector;
using CertBot.Protocol.Diagnostics;
using CertBot.Protocol.State;
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
    /// Binds <see cref="BotFrameworkOptions"/> (root <c>MicrosoftApp*</c> keys + section <c>BotFramework</c>) and
    /// <see cref="StorageOptions"/> (section <c>Storage</c>), validated at start-up, and registers the adapter,
    /// authentication, Connector client (with retries), token provider and storage.
    /// </summary>
    public static IServiceCollection AddCertBotProtocol(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<BotFrameworkOptions>()
            .Configure(options => BindBotFramework(options, configuration))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotFrameworkOptions>, BotFrameworkOptionsValidator>();
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();

        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<CertBotTelemetry>();
        services.TryAddSingleton<IStorage>(CreateStorage);
        services.TryAddSingleton<TrustedServiceUrls>();
        services.TryAddSingleton<ChannelTokenValidator>();
        services.TryAddSingleton(sp => new ConnectorTokenHealth(
            new MsalConnectorTokenProvider(sp.GetRequiredService<IOptions<BotFrameworkOptions>>(), sp.GetRequiredService<IHttpClientFactory>()),
            sp.GetRequiredService<IOptions<BotFrameworkOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<ConnectorTokenHealth>>()));
        services.TryAddSingleton<IConnectorTokenProvider>(sp => sp.GetRequiredService<ConnectorTokenHealth>());
        services.TryAddSingleton<CloudAdapter>();
        services.TryAddSingleton<ActivityDeduplicator>();
        services.TryAddSingleton<MessagesEndpoint>();
        services.AddHealthChecks()
            .AddCheck<StorageHealthCheck>("storage", tags: [ReadinessResponseWriter.ReadyTag])
            .AddCheck<ConnectorTokenHealthCheck>("outbound-token", tags: [ReadinessResponseWriter.ReadyTag]);

        services.AddHttpClient(ChannelTokenValidator.MetadataHttpClientName);
        services.AddHttpClient(MsalConnectorTokenProvider.HttpClientName);
        services.AddHttpClient<ConnectorClient>((sp, http) =>
                http.Timeout = sp.GetRequiredService<IOptions<BotFrameworkOptions>>().Value.ConnectorTimeout)
            .AddResilienceHandler("connector", static (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<BotFrameworkOptions>>().Value;
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
                        ShouldHandle = static args => ValueTask.FromResult(ConnectorRetryPolicy.ShouldRetry(args.Outcome)),
                        OnRetry = args =>
                        {
                            telemetry.RecordConnectorRetry((int?)args.Outcome.Result?.StatusCode);
                            return default;
                        },
                    });
                }
            });

        return services;
    }

    private static IStorage CreateStorage(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<StorageOptions>>();
        return string.Equals(options.Value.Provider, "Memory", StringComparison.OrdinalIgnoreCase)
            ? new MemoryStorage()
            : new SqliteStorage(options);
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

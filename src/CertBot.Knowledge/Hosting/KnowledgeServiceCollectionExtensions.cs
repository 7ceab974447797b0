using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CertBot.Knowledge.Hosting;

/// <summary>Registers the knowledge store for the host.</summary>
public static class KnowledgeServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="KnowledgeOptions"/> from the "Knowledge" section and registers <see cref="KnowledgeStore"/> as the
    /// singleton <see cref="IKnowledgeSource"/>. The store loads on first resolve and throws if the file is invalid,
    /// so resolve it at start-up to refuse to start with bad knowledge.
    /// </summary>
    public static IServiceCollection AddCertBotKnowledge(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<KnowledgeOptions>().Bind(configuration.GetSection(KnowledgeOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new KnowledgeStore(
            sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<KnowledgeStore>>()));
        services.TryAddSingleton<IKnowledgeSource>(sp => sp.GetRequiredService<KnowledgeStore>());
        return services;
    }
}

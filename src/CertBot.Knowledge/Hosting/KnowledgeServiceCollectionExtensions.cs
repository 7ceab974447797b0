using CertBot.Knowledge.Faq;
using Microsoft.Extensions.AI;
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
    /// so resolve it at start-up to refuse to start with bad knowledge. An <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/>
    /// registered before this call gives the FAQ its semantic fallback (<see cref="HybridFaqMatcher"/>), and a
    /// <see cref="PhrasingVectorCache"/> keeps its phrasings' vectors between runs.
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
            sp.GetService<ILogger<KnowledgeStore>>(),
            embeddings: sp.GetService<IEmbeddingGenerator<string, Embedding<float>>>(),
            vectorCache: sp.GetService<PhrasingVectorCache>()));
        services.TryAddSingleton<IKnowledgeSource>(sp => sp.GetRequiredService<KnowledgeStore>());
        services.TryAddSingleton(sp => new HybridFaqMatcher(
            sp.GetService<IEmbeddingGenerator<string, Embedding<float>>>(),
            sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value.Semantic));
        return services;
    }
}

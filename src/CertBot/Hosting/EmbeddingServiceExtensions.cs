using CertBot.Embeddings;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace CertBot.Hosting;

/// <summary>Registers the local sentence-embedding model behind the FAQ and role fallbacks (off with Knowledge:Semantic:Enabled=false).</summary>
public static class EmbeddingServiceExtensions
{
    public static IServiceCollection AddCertBotEmbeddings(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (!configuration.GetValue($"{KnowledgeOptions.SectionName}:Semantic:Enabled", true))
        {
            return services;
        }

        services.AddOptions<MiniLmOptions>().Bind(configuration.GetSection(MiniLmOptions.SectionName));
        services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<MiniLmOptions>>().Value;
            var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger("CertBot.Embeddings");
            var stopping = sp.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
            return new BackgroundLoadedEmbeddingGenerator(
                async ct => await MiniLmEmbeddingGenerator.LoadAsync(options, logger, ct).ConfigureAwait(false),
                stopping);
        });
        return services;
    }
}

using CertBot.Embeddings;
using CertBot.Knowledge.Faq;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace CertBot.Hosting;

/// <summary>Registers the local sentence-embedding model behind the FAQ and role fallbacks (off with Knowledge:Semantic:Enabled=false).</summary>
public static class EmbeddingServiceExtensions
{
    /// <summary>The service key of the model itself, behind the cache every caller uses (tests replace it).</summary>
    public const string ModelKey = "CertBot.Embeddings.Model";

    public static IServiceCollection AddCertBotEmbeddings(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (!configuration.GetValue($"{KnowledgeOptions.SectionName}:Semantic:Enabled", true))
        {
            return services;
        }

        services.AddOptions<MiniLmOptions>().Bind(configuration.GetSection(MiniLmOptions.SectionName));
        // Opens StartDelay after the host listens, for the model and for start-up work the first answer does not need
        // (StartupDeferral); registered with the gate so it opens even before anything asks for the model.
        services.AddSingleton(sp =>
        {
            var gate = new BackgroundWorkGate();
            var delay = sp.GetRequiredService<IOptions<MiniLmOptions>>().Value.StartDelay;
            var time = sp.GetRequiredService<TimeProvider>();
            sp.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.Register(() => gate.OpenAfter(delay, time));
            return gate;
        });
        services.AddKeyedSingleton<IEmbeddingGenerator<string, Embedding<float>>>(ModelKey, (sp, _) =>
        {
            var options = sp.GetRequiredService<IOptions<MiniLmOptions>>().Value;
            var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger("CertBot.Embeddings");
            var lifetime = sp.GetRequiredService<IHostApplicationLifetime>();
            var gate = sp.GetRequiredService<BackgroundWorkGate>();
            return new BackgroundLoadedEmbeddingGenerator(
                async ct => await MiniLmEmbeddingGenerator.LoadAsync(options, logger, ct).ConfigureAwait(false),
                gate.Opened,
                lifetime.ApplicationStopping);
        });
        services.AddSingleton(sp =>
        {
            var model = sp.GetRequiredKeyedService<IEmbeddingGenerator<string, Embedding<float>>>(ModelKey);
            var bytes = sp.GetRequiredService<IOptions<MiniLmOptions>>().Value.CacheBytes;
            if (bytes == 0)
            {
                return model;
            }

            // Bounded by bytes (each entry counts its vector and text), so a flood of distinct questions evicts old
            // ones instead of growing the process.
            return new MemoryCachingEmbeddingGenerator(model, bytes);
        });
        services.AddOptions<PhrasingVectorCacheOptions>().Bind(configuration.GetSection(PhrasingVectorCacheOptions.SectionName));
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<PhrasingVectorCacheOptions>>().Value;
            var model = sp.GetRequiredKeyedService<IEmbeddingGenerator<string, Embedding<float>>>(ModelKey);
            // Only the shipped model has a fingerprint; a generator a test or an operator put in its place has none,
            // and then nothing is kept, since nothing could tell its vectors from another's.
            return new PhrasingVectorCache(
                options.ResolvePath(sp.GetRequiredService<IOptions<MiniLmOptions>>().Value),
                async ct => options.Enabled && model is BackgroundLoadedEmbeddingGenerator background
                    && await background.LoadedAsync(ct).ConfigureAwait(false) is MiniLmEmbeddingGenerator loaded
                        ? loaded.Fingerprint
                        : null,
                sp.GetService<ILogger<PhrasingVectorCache>>());
        });
        return services;
    }
}

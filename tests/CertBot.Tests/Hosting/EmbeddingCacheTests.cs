using CertBot.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace CertBot.Tests.Hosting;

/// <summary>Embeddings:CacheBytes puts a bounded cache of recently embedded texts in front of the model.</summary>
public sealed class EmbeddingCacheTests
{
    [Fact]
    public async Task Generate_SameTextTwice_ModelRunsOnce()
    {
        var model = new CountingGenerator();
        using var app = Build(model, "--Storage:Provider=Memory");
        var generator = app.Services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();

        var first = await generator.GenerateVectorAsync("do i need a certification to get hired");
        var second = await generator.GenerateVectorAsync("do i need a certification to get hired");

        Assert.Equal(first.ToArray(), second.ToArray());
        Assert.Equal(["do i need a certification to get hired"], model.Inputs);
    }

    [Fact]
    public async Task Generate_CacheSmallerThanOneVector_EvictsAndRunsTheModelAgain()
    {
        var model = new CountingGenerator();
        using var app = Build(model, "--Storage:Provider=Memory", "--Embeddings:CacheBytes=1");
        var generator = app.Services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();

        var first = await generator.GenerateVectorAsync("is the exam hard");
        var again = await generator.GenerateVectorAsync("is the exam hard");

        Assert.Equal(first.ToArray(), again.ToArray());
        Assert.Equal(["is the exam hard", "is the exam hard"], model.Inputs);
    }

    [Fact]
    public async Task Generate_SameTextWithOtherOptions_CachedApart()
    {
        var model = new CountingGenerator();
        using var app = Build(model, "--Storage:Provider=Memory");
        var generator = app.Services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
        var options = new EmbeddingGenerationOptions { Dimensions = 2 };

        await generator.GenerateVectorAsync("is the exam hard");
        await generator.GenerateVectorAsync("is the exam hard", options);
        await generator.GenerateVectorAsync("is the exam hard", new EmbeddingGenerationOptions { Dimensions = 2 });

        Assert.Equal(2, model.Inputs.Count);
    }

    [Fact]
    public async Task Generate_CacheOff_EveryCallReachesTheModel()
    {
        var model = new CountingGenerator();
        using var app = Build(model, "--Storage:Provider=Memory", "--Embeddings:CacheBytes=0");
        var generator = app.Services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();

        await generator.GenerateVectorAsync("is the exam hard");
        await generator.GenerateVectorAsync("is the exam hard");

        Assert.Same(model, generator);
        Assert.Equal(2, model.Inputs.Count);
    }

    private static WebApplication Build(CountingGenerator model, params string[] args) =>
        CertBotApp.Build(args, services => services.AddKeyedSingleton<IEmbeddingGenerator<string, Embedding<float>>>(EmbeddingServiceExtensions.ModelKey, model));

    /// <summary>A deterministic stand-in for the model that records what it was asked to embed.</summary>
    private sealed class CountingGenerator : IEmbeddingGenerator<string, Embedding<float>>
    {
        private readonly List<string> _inputs = [];

        public IReadOnlyList<string> Inputs
        {
            get
            {
                lock (_inputs)
                {
                    return [.. _inputs];
                }
            }
        }

        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            var texts = values.ToList();
            lock (_inputs)
            {
                // The knowledge index embeds the FAQ phrasings in the background; only the questions under test count.
                _inputs.AddRange(texts.Where(t => t.StartsWith("is the", StringComparison.Ordinal) || t.StartsWith("do i need", StringComparison.Ordinal)));
            }

            return Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(texts.Select(t => new Embedding<float>(new[] { t.Length, (float)t[0], 1f }))));
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

        public void Dispose()
        {
        }
    }
}

using CertBot.Hosting;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CertBot.Tests.Hosting;

/// <summary>The embedding model loads only once background work may start: after the host listens, or when a tool asks.</summary>
public sealed class BackgroundWorkGateTests
{
    [Fact]
    public async Task Load_GateClosed_ModelNotLoadedUntilOpened()
    {
        var gate = new BackgroundWorkGate();
        var loads = 0;
        using var generator = new BackgroundLoadedEmbeddingGenerator(
            _ =>
            {
                Interlocked.Increment(ref loads);
                return Task.FromResult<IEmbeddingGenerator<string, Embedding<float>>>(new FixedGenerator());
            },
            gate.Opened,
            CancellationToken.None);

        var waiting = generator.GenerateAsync(["hello"]);
        await Task.Yield();
        Assert.Equal(0, Volatile.Read(ref loads));
        Assert.False(waiting.IsCompleted);

        gate.Open();
        var result = await waiting.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(1, loads);
        Assert.Single(result);
        Assert.True(generator.IsLoaded);
    }

    [Fact]
    public async Task Start_HostListening_GateOpens()
    {
        await using var app = CertBotApp.Build(["--urls", "http://127.0.0.1:0", "--Storage:Provider=Memory", "--Logging:LogLevel:Default=Warning", "--Embeddings:StartDelay=00:00:00"]);
        var gate = app.Services.GetRequiredService<BackgroundWorkGate>();
        Assert.False(gate.Opened.IsCompleted);

        await app.StartAsync();

        await gate.Opened.WaitAsync(TimeSpan.FromSeconds(30));
        await app.StopAsync();
    }

    [Fact]
    public void OpenAfter_Delay_OpensOnlyWhenTheClockReachesIt()
    {
        var time = new FakeTimeProvider();
        using var gate = new BackgroundWorkGate();

        gate.OpenAfter(TimeSpan.FromSeconds(2), time);
        time.Advance(TimeSpan.FromMilliseconds(1999));
        Assert.False(gate.Opened.IsCompleted);

        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(gate.Opened.IsCompleted);
    }

    [Fact]
    public void CliBuild_NeverStarted_GateOpenForTools()
    {
        using var app = CertBot.Cli.CertBotServices.Build(["--Storage:Provider=Memory"]);

        Assert.True(app.Services.GetRequiredService<BackgroundWorkGate>().Opened.IsCompleted);
    }

    private sealed class FixedGenerator : IEmbeddingGenerator<string, Embedding<float>>
    {
        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(values.Select(_ => new Embedding<float>(new[] { 1f }))));

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}

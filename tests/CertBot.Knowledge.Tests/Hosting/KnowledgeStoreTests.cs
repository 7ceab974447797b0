using CertBot.Knowledge.Hosting;
using CertBot.Knowledge.Loading;
using CertBot.Knowledge.Tests.Loading;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CertBot.Knowledge.Tests.Hosting;

public sealed class KnowledgeStoreTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("certbot-knowledge-").FullName;

    private string FilePath => Path.Combine(_directory, "knowledge.yaml");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private KnowledgeOptions Options(int debounceMs = 50) => new() { Path = FilePath, ReloadDebounceMilliseconds = debounceMs, StaleAfterDays = 100000 };

    [Fact]
    public void Constructor_InvalidFile_ThrowsWithTheReport()
    {
        File.WriteAllText(FilePath, MinimalKnowledge.With("related: [faq-b]", "related: [nope]"));

        var ex = Assert.Throws<KnowledgeValidationException>(() => new KnowledgeStore(Options(), watch: false));

        Assert.Contains(ex.Report.Errors, i => i.Message.Contains("'nope'", StringComparison.Ordinal));
    }

    [Fact]
    public void TryReload_ValidEdit_SwapsSnapshot()
    {
        File.WriteAllText(FilePath, MinimalKnowledge.Yaml);
        using var store = new KnowledgeStore(Options(), watch: false);
        var before = store.Snapshot;

        File.WriteAllText(FilePath, MinimalKnowledge.With("version: \"t1\"", "version: \"t2\""));
        var report = store.TryReload();

        Assert.False(report.HasErrors);
        Assert.Equal("t2", store.Current.Version);
        Assert.NotSame(before, store.Snapshot);
        Assert.Same(store.Snapshot.Matcher, store.Matcher);
    }

    [Fact]
    public void TryReload_InvalidEdit_KeepsLastGoodSnapshot()
    {
        File.WriteAllText(FilePath, MinimalKnowledge.Yaml);
        using var store = new KnowledgeStore(Options(), watch: false);
        var before = store.Snapshot;

        File.WriteAllText(FilePath, MinimalKnowledge.With("version: \"t1\"", "version: \"t3\"").Replace("related: [faq-b]", "related: [nope]", StringComparison.Ordinal));
        var report = store.TryReload();

        Assert.True(report.HasErrors);
        Assert.Same(before, store.Snapshot);
        Assert.Equal("t1", store.Current.Version);
    }

    [Fact]
    public async Task Watcher_FileReplacedOnDisk_ReloadsAutomatically()
    {
        File.WriteAllText(FilePath, MinimalKnowledge.Yaml);
        using var store = new KnowledgeStore(Options());
        var reloaded = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        store.Reloaded += (_, snapshot) => reloaded.TrySetResult(snapshot.Knowledge.Version);

        // Editors often write a temp file and rename it over the original; the watcher must see that too.
        var temp = Path.Combine(_directory, "knowledge.yaml.tmp");
        File.WriteAllText(temp, MinimalKnowledge.With("version: \"t1\"", "version: \"t9\""));
        File.Move(temp, FilePath, overwrite: true);

        var version = await reloaded.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("t9", version);
        Assert.Equal("t9", store.Current.Version);
    }

    [Fact]
    public async Task Watcher_InvalidEditOnDisk_LastGoodStaysInService()
    {
        File.WriteAllText(FilePath, MinimalKnowledge.Yaml);
        using var store = new KnowledgeStore(Options());
        var reloaded = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        store.Reloaded += (_, snapshot) => reloaded.TrySetResult(snapshot.Knowledge.Version);

        File.WriteAllText(FilePath, "version: [broken");
        await Task.Delay(600);
        Assert.Equal("t1", store.Current.Version);

        File.WriteAllText(FilePath, MinimalKnowledge.With("version: \"t1\"", "version: \"t5\""));
        Assert.Equal("t5", await reloaded.Task.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void AddCertBotKnowledge_ConfiguredPath_ResolvesOneStoreForBothServices()
    {
        File.WriteAllText(FilePath, MinimalKnowledge.Yaml);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Knowledge:Path"] = FilePath,
                ["Knowledge:StaleAfterDays"] = "100000",
                ["Knowledge:Matcher:AnswerThreshold"] = "0.7",
            })
            .Build();
        using var provider = new ServiceCollection().AddCertBotKnowledge(configuration).BuildServiceProvider();

        var source = provider.GetRequiredService<IKnowledgeSource>();

        Assert.Same(provider.GetRequiredService<KnowledgeStore>(), source);
        Assert.Equal("t1", source.Current.Version);
        Assert.Equal(0.7, provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<KnowledgeOptions>>().Value.Matcher.AnswerThreshold);
    }

    [Fact]
    public void ResolvePath_RelativeMissingFromCurrentDirectory_FallsBackToBaseDirectory()
    {
        var options = new KnowledgeOptions { Path = "dialogs/knowledge.yaml" };

        Assert.Equal(Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "dialogs/knowledge.yaml")), options.ResolvePath());
    }
}

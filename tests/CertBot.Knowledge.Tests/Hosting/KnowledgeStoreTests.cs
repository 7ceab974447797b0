using CertBot.Knowledge.Hosting;
using CertBot.Knowledge.Loading;
using CertBot.Knowledge.Tests.Loading;
using CertBot.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

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
        using var store = new KnowledgeStore(Options(debounceMs: 0));
        var reloaded = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        store.Reloaded += (_, snapshot) => reloaded.TrySetResult(snapshot.Knowledge.Version);

        // Editors often write a temp file and rename it over the original; the watcher must see that too.
        var temp = Path.Combine(_directory, "knowledge.yaml.tmp");
        File.WriteAllText(temp, MinimalKnowledge.With("version: \"t1\"", "version: \"t9\""));
        File.Move(temp, FilePath, overwrite: true);

        // The operating system's file watcher is outside the test's clock: wait for its event, with a timeout as a guard.
        var version = await reloaded.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("t9", version);
        Assert.Equal("t9", store.Current.Version);
    }

    [Fact]
    public async Task Watcher_InvalidEditOnDisk_LastGoodStaysInService()
    {
        File.WriteAllText(FilePath, MinimalKnowledge.Yaml);
        var rejected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var logs = FakeLogCollector.Create(new FakeLogCollectorOptions
        {
            OutputSink = line =>
            {
                if (line.Contains("Rejected an edit", StringComparison.Ordinal))
                {
                    rejected.TrySetResult();
                }
            },
        });
        using var store = new KnowledgeStore(Options(debounceMs: 0), logger: new FakeLogger<KnowledgeStore>(logs));
        var reloaded = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        store.Reloaded += (_, snapshot) => reloaded.TrySetResult(snapshot.Knowledge.Version);

        File.WriteAllText(FilePath, "version: [broken");
        // The watcher is outside the test's clock: wait until the rejection is logged, with a timeout as a guard.
        await rejected.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Contains(logs.GetSnapshot(), r => r.Level == LogLevel.Error && r.Id.Id == 4102);
        Assert.Equal("t1", store.Current.Version);

        File.WriteAllText(FilePath, MinimalKnowledge.With("version: \"t1\"", "version: \"t5\""));
        Assert.Equal("t5", await reloaded.Task.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void NoticeFileChange_BurstOfEvents_ReloadsOnceTheDebounceSettles()
    {
        File.WriteAllText(FilePath, MinimalKnowledge.Yaml);
        var clock = TestClock.AtStart();
        using var store = new KnowledgeStore(Options(debounceMs: 300), clock: clock, watch: false);
        var reloads = 0;
        store.Reloaded += (_, _) => reloads++;
        File.WriteAllText(FilePath, MinimalKnowledge.With("version: \"t1\"", "version: \"t7\""));

        store.NoticeFileChange();
        clock.Advance(TimeSpan.FromMilliseconds(299));
        store.NoticeFileChange();
        clock.Advance(TimeSpan.FromMilliseconds(299));
        Assert.Equal((0, "t1"), (reloads, store.Current.Version));

        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal((1, "t7"), (reloads, store.Current.Version));

        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(1, reloads);
    }

    private string FrenchPath => Path.Combine(_directory, "knowledge.fr.yaml");

    private const string FrenchAnswer = "faqs:\n  - id: faq-a\n    answer: A est **a**.\n";

    [Fact]
    public void SnapshotFor_LocaleWithText_EachLocaleItsOwnAndTheRestEnglish()
    {
        File.WriteAllText(FilePath, MinimalKnowledge.Yaml);
        File.WriteAllText(FrenchPath, FrenchAnswer);
        using var store = new KnowledgeStore(Options(), watch: false);

        var french = store.SnapshotFor("fr-CA");

        Assert.Equal(["en", "fr"], store.Generation.Locales.Order(StringComparer.Ordinal));
        Assert.Equal(("fr", "A est **a**."), (french.Locale, french.Knowledge.FindFaq("faq-a")!.Answer));
        Assert.Same(french, store.SnapshotFor("FR_fr"));
        Assert.Same(store.Snapshot, store.SnapshotFor("de-DE"));
        Assert.Same(store.Snapshot, store.SnapshotFor(null));
        Assert.Equal("A is **a**.", store.Snapshot.Knowledge.FindFaq("faq-a")!.Answer);
        // Each locale matches against its own text.
        Assert.NotSame(store.Snapshot.Matcher, french.Matcher);
    }

    [Fact]
    public void TryReload_TranslationEdited_SwapsEveryLocaleTogether()
    {
        File.WriteAllText(FilePath, MinimalKnowledge.Yaml);
        File.WriteAllText(FrenchPath, FrenchAnswer);
        using var store = new KnowledgeStore(Options(), watch: false);
        var before = store.Generation;

        File.WriteAllText(FrenchPath, FrenchAnswer.Replace("A est", "A vaut", StringComparison.Ordinal));
        var report = store.TryReload();

        Assert.False(report.HasErrors, report.Format());
        Assert.Equal("A vaut **a**.", store.SnapshotFor("fr").Knowledge.FindFaq("faq-a")!.Answer);
        Assert.NotSame(before.English, store.Snapshot);
    }

    [Fact]
    public void TryReload_TranslationSetsAFact_KeepsTheLastGoodGeneration()
    {
        File.WriteAllText(FilePath, MinimalKnowledge.Yaml);
        File.WriteAllText(FrenchPath, FrenchAnswer);
        using var store = new KnowledgeStore(Options(), watch: false);
        var before = store.Generation;

        File.WriteAllText(FrenchPath, FrenchAnswer + "    lastVerified: 2027-01-01\n");
        var report = store.TryReload();

        Assert.Contains(report.Errors, issue => issue.File == FrenchPath && issue.Message.Contains("'lastVerified' of FAQ 'faq-a' is not text", StringComparison.Ordinal));
        Assert.Same(before, store.Generation);
    }

    [Fact]
    public async Task Watcher_TranslationAddedOnDisk_ReloadsWithTheNewLanguage()
    {
        File.WriteAllText(FilePath, MinimalKnowledge.Yaml);
        using var store = new KnowledgeStore(Options(debounceMs: 0));
        var reloaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // The watcher may fire as the file is created, before its text is written: the reload that counts is the one
        // that sees the whole translation, not the first one that sees the locale.
        store.Reloaded += (_, _) =>
        {
            if (store.Generation.Locales.Contains("fr") && store.SnapshotFor("fr").Knowledge.FindFaq("faq-a")?.Answer == "A est **a**.")
            {
                reloaded.TrySetResult();
            }
        };

        File.WriteAllText(FrenchPath, FrenchAnswer);

        // The operating system's file watcher is outside the test's clock: wait for its event, with a timeout as a guard.
        await reloaded.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("A est **a**.", store.SnapshotFor("fr").Knowledge.FindFaq("faq-a")!.Answer);
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

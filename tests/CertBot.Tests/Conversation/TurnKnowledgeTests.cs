using CertBot.Knowledge.Faq;
using CertBot.Knowledge.Hosting;
using CertBot.Knowledge.Model;
using CertBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CertBot.Tests.Conversation;

/// <summary>A hot reload that lands in the middle of a turn must not mix two knowledge generations in one answer.</summary>
public sealed class TurnKnowledgeTests : IAsyncLifetime
{
    private const string RelatedTitle = "What hiring managers look for";
    private const string ReloadedTitle = "What hiring managers look for (reloaded)";

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("certbot-turn-knowledge-");
    private ReloadOnSecondRead _source = null!;
    private CertBotServer _server = null!;

    private string KnowledgePath => Path.Combine(_folder.FullName, "knowledge.yaml");

    // FAQ titles are text: the reload edits the English text file beside the facts.
    private string EnglishTextPath => Path.Combine(_folder.FullName, "knowledge.en.yaml");

    public async Task InitializeAsync()
    {
        foreach (var name in new[] { "knowledge.yaml", "knowledge.en.yaml" })
        {
            File.Copy(Path.Combine(AppContext.BaseDirectory, "dialogs", name), Path.Combine(_folder.FullName, name));
        }

        _server = await CertBotServer.StartWithServicesAsync(
            services => services.AddSingleton<IKnowledgeSource>(sp =>
                _source = new ReloadOnSecondRead(sp.GetRequiredService<KnowledgeStore>(), EnglishTextPath, text => text.Replace($"title: {RelatedTitle}\n", $"title: {ReloadedTitle}\n", StringComparison.Ordinal))),
            $"--Knowledge:Path={KnowledgePath}",
            "--Knowledge:Semantic:Enabled=false");
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _folder.Delete(recursive: true);
    }

    [Fact]
    public async Task Question_ReloadAfterTheFirstRead_MatchAndCardUseTheFirstGeneration()
    {
        var chat = new TestChat(_server);
        _source.Arm();

        var during = await chat.SayAsync("Do I need a cert to get hired?");
        var after = await chat.SayAsync("Do I need a cert to get hired?");

        // The turn the reload landed in shows the generation it matched against, titles of related entries included...
        Assert.Contains(during.Buttons, b => b.Title == RelatedTitle);
        Assert.DoesNotContain(during.Buttons, b => b.Title == ReloadedTitle);
        // ...and the reload did land: the next turn sees it.
        Assert.True(_source.Reloaded);
        Assert.Contains(after.Buttons, b => b.Title == ReloadedTitle);
    }

    /// <summary>Serves the real store, and on the second read after <see cref="Arm"/> edits the file and reloads it first.</summary>
    private sealed class ReloadOnSecondRead(KnowledgeStore store, string path, Func<string, string> edit) : IKnowledgeSource
    {
        private int _reads = int.MinValue;

        public bool Reloaded { get; private set; }

        public KnowledgeBase Current => Snapshot.Knowledge;

        public FaqMatcher Matcher => Snapshot.Matcher;

        public KnowledgeSnapshot Snapshot
        {
            get
            {
                if (Interlocked.Increment(ref _reads) == 2)
                {
                    File.WriteAllText(path, edit(File.ReadAllText(path)));
                    Assert.False(store.TryReload().HasErrors, "the edited knowledge must load");
                    Reloaded = true;
                }

                return store.Snapshot;
            }
        }

        // The turns of this test speak English: a locale's snapshot is read (and counted) like the English one.
        public KnowledgeSnapshot SnapshotFor(string? locale) => Snapshot;

        public void Arm() => Interlocked.Exchange(ref _reads, 0);
    }
}

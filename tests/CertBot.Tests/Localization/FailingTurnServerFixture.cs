using CertBot.Knowledge.Faq;
using CertBot.Knowledge.Hosting;
using CertBot.Knowledge.Model;
using CertBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CertBot.Tests.Localization;

/// <summary>The partial French dialogs, served by a bot whose every turn that reads the knowledge fails.</summary>
public sealed class FailingTurnServerFixture : IAsyncLifetime
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("certbot-failing-fr-");

    public CertBotServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        PartialFrenchServerFixture.WriteDialogs(_folder);
        Server = await CertBotServer.StartWithServicesAsync(
            services => services.AddSingleton<IKnowledgeSource>(sp => new FailingInTurns(sp.GetRequiredService<KnowledgeStore>())),
            $"--CertBot:DialogsPath={_folder.FullName}",
            $"--Knowledge:Path={Path.Combine(_folder.FullName, "knowledge.yaml")}",
            "--Knowledge:Semantic:Enabled=false",
            // The warm-up's turns would fail too; nothing here needs them.
            "--CertBot:WarmUpAtStart=false");
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        _folder.Delete(recursive: true);
    }

    /// <summary>The real store for start-up, and a failure for every turn (turns read their locale's snapshot).</summary>
    private sealed class FailingInTurns(KnowledgeStore store) : IKnowledgeSource
    {
        public KnowledgeBase Current => store.Current;

        public FaqMatcher Matcher => store.Matcher;

        public KnowledgeSnapshot Snapshot => store.Snapshot;

        public KnowledgeSnapshot SnapshotFor(string? locale) => throw new InvalidOperationException("The knowledge is unreachable (test).");
    }
}

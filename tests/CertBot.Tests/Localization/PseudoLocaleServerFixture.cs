using CertBot.Tests.Support;

namespace CertBot.Tests.Localization;

/// <summary>A CertBot server whose dialogs folder holds the real English catalogues plus the generated qps-ploc ones.</summary>
public sealed class PseudoLocaleServerFixture : IAsyncLifetime
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("certbot-qps-");

    public CertBotServer Server { get; private set; } = null!;

    public string DialogsPath => _folder.FullName;

    public string KnowledgePath => Path.Combine(_folder.FullName, "knowledge.yaml");

    public async Task InitializeAsync()
    {
        ShippedDialogs.CopyTo(_folder.FullName);

        PseudoLocale.WriteCatalogues(_folder.FullName);
        Server = await CertBotServer.StartAsync(null, $"--CertBot:DialogsPath={_folder.FullName}", $"--Knowledge:Path={KnowledgePath}");
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        _folder.Delete(recursive: true);
    }
}

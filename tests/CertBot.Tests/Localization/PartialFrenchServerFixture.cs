using CertBot.Tests.Support;

namespace CertBot.Tests.Localization;

/// <summary>A server whose dialogs folder adds a deliberately partial French catalogue to the real English ones.</summary>
public sealed class PartialFrenchServerFixture : IAsyncLifetime
{
    public const string FrenchTitle = "Bonjour, je suis CertBot";
    public const string FrenchRolePrompt = "Lequel de ces profils vous décrit le mieux ?";

    public DirectoryInfo Folder { get; } = Directory.CreateTempSubdirectory("certbot-fr-");

    public CertBotServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "dialogs"), "*.yaml"))
        {
            File.Copy(file, Path.Combine(Folder.FullName, Path.GetFileName(file)));
        }

        // Partial on purpose: one card title, one question; everything else falls back to English key by key.
        File.WriteAllText(Path.Combine(Folder.FullName, "messages.fr.yaml"), $"welcome:\n  title: \"{FrenchTitle}\"\n");
        File.WriteAllText(Path.Combine(Folder.FullName, "profile.dialog.fr.yaml"), $"slots:\n  - name: role\n    prompts: [\"{FrenchRolePrompt}\"]\n");
        Server = await CertBotServer.StartAsync(null, $"--CertBot:DialogsPath={Folder.FullName}", $"--Knowledge:Path={Path.Combine(Folder.FullName, "knowledge.yaml")}");
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        Folder.Delete(recursive: true);
    }
}

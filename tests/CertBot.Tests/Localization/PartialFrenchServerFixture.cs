using CertBot.Tests.Support;

namespace CertBot.Tests.Localization;

/// <summary>
/// A server whose dialogs folder adds deliberately partial French files to the real English ones: one card title and
/// the apology in messages.fr.yaml, one question in profile.dialog.fr.yaml, and in knowledge.fr.yaml one FAQ answer and
/// one credential name.
/// </summary>
public sealed class PartialFrenchServerFixture : IAsyncLifetime
{
    public const string FrenchTitle = "Bonjour, je suis CertBot";
    public const string FrenchRolePrompt = "Lequel de ces profils vous décrit le mieux ?";
    public const string FrenchApology = "Désolé, quelque chose s'est mal passé de mon côté. Réessayez.";
    public const string TranslatedFaq = "cert-required-to-get-hired";
    public const string FrenchAnswer = "**Non.** La plupart des offres d'emploi en ingénierie ML présentent les certifications comme un *plus*, pas comme une exigence.";
    public const string TranslatedCredential = "aws-mla-c01";
    public const string FrenchCredentialName = "Ingénieur en apprentissage automatique AWS, niveau associé";

    public DirectoryInfo Folder { get; } = Directory.CreateTempSubdirectory("certbot-fr-");

    public CertBotServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        WriteDialogs(Folder);
        Server = await CertBotServer.StartAsync(null, $"--CertBot:DialogsPath={Folder.FullName}", $"--Knowledge:Path={Path.Combine(Folder.FullName, "knowledge.yaml")}");
    }

    /// <summary>Copies the real dialogs into <paramref name="folder"/> and adds the partial French files.</summary>
    public static void WriteDialogs(DirectoryInfo folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ShippedDialogs.CopyTo(folder.FullName);

        // Partial on purpose: one card title and the apology, one question, one answer and one name; everything else falls
        // back to English key by key (and entry by entry, field by field, in the knowledge).
        File.WriteAllText(Path.Combine(folder.FullName, "messages.fr.yaml"), $"welcome:\n  title: \"{FrenchTitle}\"\nerrors:\n  apology: \"{FrenchApology}\"\n");
        File.WriteAllText(Path.Combine(folder.FullName, "profile.dialog.fr.yaml"), $"slots:\n  - name: role\n    prompts: [\"{FrenchRolePrompt}\"]\n");
        File.WriteAllText(Path.Combine(folder.FullName, "knowledge.fr.yaml"),
            $"faqs:\n  - id: {TranslatedFaq}\n    answer: \"{FrenchAnswer}\"\ncredentials:\n  - id: {TranslatedCredential}\n    name: \"{FrenchCredentialName}\"\n");
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        Folder.Delete(recursive: true);
    }
}

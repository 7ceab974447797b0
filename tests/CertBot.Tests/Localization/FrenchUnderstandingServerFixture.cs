using CertBot.Hosting;
using CertBot.Tests.Support;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace CertBot.Tests.Localization;

/// <summary>
/// A server whose dialogs folder adds a test-only French language to the real English files, written the way a
/// translator would and with no code: profile.dialog.fr.yaml names the fr-fr recognizer culture and gives French
/// duration words (with "et demi", which that culture's TIMEX leaves out), identity cues and one role prototype; profile.dialog.fr-ca.yaml changes one question and names no
/// culture (so it inherits fr's); knowledge.fr.yaml words one FAQ entry in French and gives the FAQ matcher French stop
/// words. The embedding model is a stand-in: a text about websites ("sites web") points one way, every other text has
/// no direction, so a role is inferred only from the French prototype and the FAQ is matched lexically only.
/// </summary>
public sealed class FrenchUnderstandingServerFixture : IAsyncLifetime
{
    public const string FrenchPrototypeWords = "sites web";
    public const string CanadianRolePrompt = "Lequel de ces profils vous ressemble le plus ?";
    public const string TranslatedFaq = "cert-required-to-get-hired";
    public const string FrenchFaqQuestion = "Faut-il une certification pour être embauché ?";

    // The French file sets only what it changes; every other key (choices, synonyms, cues, wording) is English's.
    private const string FrenchDialog = """
        recognizerCulture: fr-fr
        slots:
          - name: role
            choices:
              - value: software-engineer
                prototypes: ["je fabrique des sites web pour mes clients"]
        durations:
          yearUnits: [an, ans, annee, annees]
          monthUnits: [mois]
          weekUnits: [semaine, semaines]
          numberWords: [zero, un, une, deux, trois, quatre, cinq, six, sept, huit, neuf, dix, onze, douze, quinze, vingt, trente, demi, demie]
          unitBridgeWords: [de, d, pleines, entieres]
          bridgeWords: [de, d, en, du, environ, presque, plus, je, jai, ai, avec, depuis]
          rangeWords: [a, ou]
          articles: [un, une]
          halfWords: [et demi, et demie]
        identityCues: [je suis, je suis un, je suis une, je travaille comme, je fabrique, je construis, je developpe]
        selfWords: [je, jai, moi, mon, ma, mes, nous, notre, nos]
        """;

    private const string CanadianDialog = $"""
        slots:
          - name: role
            prompts: ["{CanadianRolePrompt}"]
        """;

    // French questions glue elided articles to the next word ("d'une" is "dune"), so those forms are stop words too.
    private const string FrenchKnowledge = $"""
        faqs:
          - id: {TranslatedFaq}
            question: "{FrenchFaqQuestion}"
            alternatives: ["besoin certification embauche", "certification obligatoire pour un emploi"]
        matcher:
          stopWords: [le, la, les, l, un, une, des, de, du, d, dune, dun, et, ou, est, ce, que, qu, quoi, je, jai, ai, il,
            elle, on, nous, vous, tu, mon, ma, mes, pour, par, avec, sans, dans, en, sur, au, aux, a, etre, avoir, vraiment,
            bien, tres, plus, moins, pas, ne, si, sil, plait, bonjour, merci, alors, donc, faut, faudrait]
          askingWords: [combien, quand, pourquoi, comment, faut]
        """;

    public DirectoryInfo Folder { get; } = Directory.CreateTempSubdirectory("certbot-fr-understanding-");

    public CertBotServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        WriteDialogs(Folder);
        Server = await CertBotServer.StartWithServicesAsync(
            services => services.AddKeyedSingleton<IEmbeddingGenerator<string, Embedding<float>>>(EmbeddingServiceExtensions.ModelKey, new KeywordEmbeddingGenerator()),
            $"--CertBot:DialogsPath={Folder.FullName}",
            $"--Knowledge:Path={Path.Combine(Folder.FullName, "knowledge.yaml")}");
    }

    /// <summary>Copies the real dialogs into <paramref name="folder"/> and adds the French files.</summary>
    public static void WriteDialogs(DirectoryInfo folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ShippedDialogs.CopyTo(folder.FullName);

        File.WriteAllText(Path.Combine(folder.FullName, "profile.dialog.fr.yaml"), FrenchDialog);
        File.WriteAllText(Path.Combine(folder.FullName, "profile.dialog.fr-ca.yaml"), CanadianDialog);
        File.WriteAllText(Path.Combine(folder.FullName, "knowledge.fr.yaml"), FrenchKnowledge);
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        Folder.Delete(recursive: true);
    }

    /// <summary>A stand-in for the embedding model: a text naming websites in French has one direction, any other text none.</summary>
    private sealed class KeywordEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
    {
        private const int Dimensions = 8;

        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var vectors = values.Select(text =>
            {
                var vector = new float[Dimensions];
                if (text.Contains(FrenchPrototypeWords, StringComparison.OrdinalIgnoreCase))
                {
                    vector[1] = 1;
                }

                return new Embedding<float>(vector);
            });
            return Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(vectors));
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

        public void Dispose()
        {
        }
    }
}

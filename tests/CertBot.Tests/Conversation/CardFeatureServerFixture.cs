using CertBot.Hosting;
using CertBot.Tests.Localization;
using CertBot.Tests.Support;
using CertBot.Text;
using YamlDotNet.RepresentationModel;

namespace CertBot.Tests.Conversation;

/// <summary>
/// A CertBot server with <see cref="TipFeature"/> registered beside the host's own features (the test host hook), its
/// phrases and wording laid into a copy of the real messages.en.yaml, and the qps-ploc pseudo-locale generated from it.
/// </summary>
public sealed class CardFeatureServerFixture : IAsyncLifetime
{
    /// <summary>What the tip feature adds to the English catalogue, as a feature's author would write it.</summary>
    public const string TipCatalogue = """
        intents:
          tip: ["give me a tip", "tip of the day"]
        features:
          tip:
            title: "Tip of the day"
            first: "Book the exam first: a date on the calendar makes the studying happen."
            again: "Tip {number}: practise with the vendor's sample questions."
            another: "Another tip"
            refresh: "Refresh"
        """;

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("certbot-feature-");

    public CertBotServer Server { get; private set; } = null!;

    public string DialogsPath => _folder.FullName;

    public string KnowledgePath => Path.Combine(_folder.FullName, "knowledge.yaml");

    public async Task InitializeAsync()
    {
        ShippedDialogs.CopyTo(_folder.FullName);

        var english = Path.Combine(_folder.FullName, "messages.en.yaml");
        var addition = new YamlStream();
        addition.Load(new StringReader(TipCatalogue));
        File.WriteAllText(english, YamlLayers.ToText(YamlLayers.Merge(YamlLayers.Read(english), addition.Documents[0].RootNode)));
        PseudoLocale.WriteCatalogues(_folder.FullName);
        Server = await CertBotServer.StartWithServicesAsync(
            services => services.AddCardFeature<TipFeature>(),
            $"--CertBot:DialogsPath={_folder.FullName}",
            $"--Knowledge:Path={KnowledgePath}");
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        _folder.Delete(recursive: true);
    }
}

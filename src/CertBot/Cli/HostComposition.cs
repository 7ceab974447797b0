using CertBot.Tools;

namespace CertBot.Cli;

/// <summary>What the tools need from the host: the bot built as it serves, in this process.</summary>
internal sealed class HostComposition : IBotComposition
{
    public IInProcessBot Build(IReadOnlyList<string> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var app = CertBotServices.Build([.. settings]);
        return new InProcessBot(app.Services, app);
    }
}

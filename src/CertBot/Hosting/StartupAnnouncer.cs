using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace CertBot.Hosting;

/// <summary>Says at start-up where the bot listens and warns loudly when it runs without authentication.</summary>
internal sealed partial class StartupAnnouncer(
    IConfiguration configuration,
    IServer server,
    IHostApplicationLifetime lifetime,
    ILogger<StartupAnnouncer> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses)
            {
                LogListening(address);
            }

            if (string.IsNullOrWhiteSpace(configuration["MicrosoftAppId"]))
            {
                LogLocalMode();
            }
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "CertBot is listening on {Address} (messaging endpoint /api/messages)")]
    private partial void LogListening(string address);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Local mode: no MicrosoftAppId is configured, so requests are accepted WITHOUT authentication and the bot listens on loopback only. Configure MicrosoftAppId and MicrosoftAppPassword before exposing it.")]
    private partial void LogLocalMode();
}

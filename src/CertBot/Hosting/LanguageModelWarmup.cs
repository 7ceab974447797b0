using CertBot.Dialogs;

namespace CertBot.Hosting;

/// <summary>
/// Compiles the text recognizers' large regex tables in the background at start-up, so the first person to type a
/// profile does not pay for it; the readiness probe reports when it is done.
/// </summary>
public sealed partial class LanguageModelWarmup(ProfileDialog dialog, ILogger<LanguageModelWarmup> logger) : IHostedService
{
    private Task _warming = Task.CompletedTask;

    /// <summary>Completes once the recognizers have run once.</summary>
    public Task Warmed => _warming;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _warming = Task.Run(() =>
        {
            try
            {
                // A profile with every kind of fact touches the number, duration and choice recognizers.
                _ = dialog.ReadFacts("data scientist with a year and a half of ML, 3 years on AWS");
            }
#pragma warning disable CA1031 // A failed warm-up only means the first turn compiles the tables itself.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogWarmupFailed(ex);
            }
        }, CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Warming the text recognizers failed; the first turn will compile them")]
    private partial void LogWarmupFailed(Exception exception);
}

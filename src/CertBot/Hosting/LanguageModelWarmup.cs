using CertBot.Conversation;

namespace CertBot.Hosting;

/// <summary>
/// Compiles the text recognizers' large regex tables in the background after start-up, for every culture a locale
/// reads with (<c>recognizerCulture</c>), so the first person to type a profile in any language does not pay for it;
/// the readiness probe reports when it is done. It waits for <see cref="StartupDeferral"/>: a FAQ question does not
/// need these tables, and run before listening they were about a sixth of the CPU spent before the first answer.
/// </summary>
public sealed partial class LanguageModelWarmup(Catalogues catalogues, StartupDeferral deferral, IHostApplicationLifetime lifetime, ILogger<LanguageModelWarmup> logger) : IHostedService
{
    private Task _warming = Task.CompletedTask;

    /// <summary>Completes once the recognizers have run once.</summary>
    public Task Warmed => _warming;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _warming = Task.Run(async () =>
        {
            await deferral.Allowed.WaitAsync(lifetime.ApplicationStopping).ConfigureAwait(false);
            try
            {
                // A profile with every kind of fact touches the number, duration and choice recognizers.
                _ = catalogues.Default.Dialog.ReadFacts("data scientist with a year and a half of ML, 3 years on AWS");
                // Another culture's tables load when they first meet its own words (digits do not wake them), so one
                // dialog per culture reads a quantity made of its vocabulary: number words and their units.
                var english = catalogues.Default.Dialog.Definition.RecognizerCulture;
                foreach (var dialog in catalogues.Dialogs.Where(d => d.Definition.RecognizerCulture != english).DistinctBy(d => d.Definition.RecognizerCulture))
                {
                    var durations = dialog.Definition.Durations;
                    _ = dialog.ReadFacts(string.Join(' ', [.. durations.NumberWords.Take(4), .. durations.YearUnits.Take(2), .. durations.MonthUnits.Take(1)]));
                }
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

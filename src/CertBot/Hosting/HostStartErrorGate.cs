namespace CertBot.Hosting;

/// <summary>
/// Holds back the generic host's own error lines until the host has started. A failed start (a taken port,
/// invalid settings) is otherwise logged as "Hosting failed to start" with the whole exception chain, although
/// <see cref="CertBotApp.RunAsync"/> already reports it as one line on stderr. Once started, the host's errors
/// (a crashed background service) are logged as usual.
/// </summary>
internal sealed class HostStartErrorGate : IHostedLifecycleService
{
    /// <summary>The category the generic host logs its start-up failure under.</summary>
    public const string HostCategory = "Microsoft.Extensions.Hosting.Internal.Host";

    private volatile bool _started;

    /// <summary>
    /// Log filter for <see cref="HostCategory"/> (it replaces the configured level for that category, so it keeps
    /// the usual Information threshold): Information and Warning always, Error and above only after start-up.
    /// </summary>
    public bool Allows(LogLevel level) => level >= LogLevel.Information && (level < LogLevel.Error || _started);

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        _started = true;
        return Task.CompletedTask;
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

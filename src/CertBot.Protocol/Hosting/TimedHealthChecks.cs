using System.Globalization;
using CertBot.Protocol.Configuration;
using CertBot.Protocol.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CertBot.Protocol.Hosting;

/// <summary>
/// Bounds every registered health check by <see cref="BotFrameworkOptions.HealthCheckTimeout"/> on the registered
/// <see cref="TimeProvider"/>, so /readyz answers well inside a probe's timeout when the store (or any dependency) does
/// not answer: a check still running then reports its registration's failure status, "timed out", and is left to end
/// on its cancelled token; a dependency that ignores the token is not waited for. While such a run has not ended, the
/// same check is not started again (it reports "timed out" at once), so probes never pile calls up on a stalled store.
/// When such a run does end, that is logged: from then on the check runs again. The framework's own per-check timeout
/// runs on the system clock.
/// </summary>
internal sealed class TimedHealthChecks(IOptions<BotFrameworkOptions> botFramework, TimeProvider clock, ILogger<TimedHealthChecks> logger)
    : IPostConfigureOptions<HealthCheckServiceOptions>
{
    private readonly Lock _gate = new();
    private readonly HashSet<HealthCheckRegistration> _timed = [];

    public void PostConfigure(string? name, HealthCheckServiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var registration in options.Registrations)
        {
            lock (_gate)
            {
                // The registrations are shared by every options instance built: each is wrapped once.
                if (!_timed.Add(registration))
                {
                    continue;
                }
            }

            var factory = registration.Factory;
            var runs = new Runs();
            registration.Factory = services => new TimedCheck(factory(services), runs, botFramework.Value.HealthCheckTimeout, clock, logger);
        }
    }

    /// <summary>The run of one check that timed out and may still be going (one per registration).</summary>
    private sealed class Runs
    {
        private volatile Task<HealthCheckResult>? _unfinished;

        public Task<HealthCheckResult>? Unfinished
        {
            get => _unfinished;
            set => _unfinished = value;
        }
    }

    private sealed class TimedCheck(IHealthCheck inner, Runs runs, TimeSpan timeout, TimeProvider clock, ILogger logger) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(context);
            var failure = context.Registration.FailureStatus;
            if (runs.Unfinished is { IsCompleted: false })
            {
                return new HealthCheckResult(failure, "timed out: the previous check has not ended yet");
            }

            var bound = new CancellationTokenSource(timeout, clock);
            var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, bound.Token);
            var run = inner.CheckHealthAsync(context, linked.Token);
            // Disposed when the check ends, which may be long after this answered (a store that ignores its token).
            _ = run.ContinueWith(
                static (_, state) =>
                {
                    var (l, b) = ((CancellationTokenSource, CancellationTokenSource))state!;
                    l.Dispose();
                    b.Dispose();
                },
                (linked, bound), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            try
            {
                return await run.WaitAsync(linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (bound.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                runs.Unfinished = run;
                // Once the run is over (so the next probe runs the check again), say so, with how it ended.
                var check = context.Registration.Name;
                _ = run.ContinueWith(
                    t => logger.HealthCheckEndedLate(check, t.IsCompletedSuccessfully ? t.Result.Status.ToString() : t.IsCanceled ? "cancelled" : "failed: " + t.Exception!.InnerException!.GetType().Name),
                    CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
                return new HealthCheckResult(failure, string.Create(CultureInfo.InvariantCulture, $"timed out after {timeout.TotalSeconds:0.###} s"));
            }
        }
    }
}

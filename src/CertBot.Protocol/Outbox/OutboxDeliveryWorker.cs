using CertBot.Protocol.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CertBot.Protocol.Outbox;

/// <summary>
/// Delivers the outbox in the background: at once when a reply is queued, when the next one is due, and at least every
/// <see cref="OutboxOptions.PollInterval"/> (other instances may have queued some). A failing pass (storage down) is
/// logged and tried again; it never stops the worker.
/// </summary>
internal sealed class OutboxDeliveryWorker(
    ReplyOutbox outbox,
    OutboxDelivery delivery,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxDeliveryWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        var poll = options.Value.PollInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            var signal = outbox.WorkSignal;
            var wait = poll;
            try
            {
                if (await delivery.DeliverDueAsync(stoppingToken).ConfigureAwait(false) is { } nextDue)
                {
                    var untilDue = nextDue - clock.GetUtcNow();
                    wait = untilDue < TimeSpan.Zero ? TimeSpan.Zero : untilDue < poll ? untilDue : poll;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The worker must outlive a failing store or Connector; the next pass tries again.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.OutboxPassFailed(ex);
            }

            using var sleep = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var delay = Task.Delay(wait, clock, sleep.Token);
            await Task.WhenAny(signal, delay).ConfigureAwait(false);
            await sleep.CancelAsync().ConfigureAwait(false);
        }
    }
}

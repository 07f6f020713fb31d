using Microsoft.Extensions.Options;

namespace CampaignAdmin.Api.Sending;

/// <summary>
/// Settles what a stopped sender left behind, starts due campaigns, claims PENDING messages one pace slot at a time,
/// sends them, and completes campaigns with nothing left to send (docs/SENDING.md).
/// </summary>
public sealed class Dispatcher(
    MessageStore store,
    MessageSender sender,
    Recovery recovery,
    DispatcherSignal signal,
    IOptions<DispatcherOptions> options,
    TimeProvider clock,
    ILogger<Dispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled) return;
        var pacer = new Pacer(settings.MessagesPerSecond);
        await Task.Yield();

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var now = clock.GetUtcNow();
                if (recovery.IsDue(now)) await recovery.SweepAsync(sender.Owner, now, stoppingToken);
                await store.PromoteDueCampaignsAsync(now, stoppingToken);

                // Wait for the slot first, claim after: what is claimed goes to the provider at once.
                await pacer.WaitForSlotAsync(stoppingToken);
                var batchSize = pacer.BatchSize(settings.BatchSize);
                var claimed = await store.ClaimAsync(sender.Owner, clock.GetUtcNow(), settings.Lease, batchSize, stoppingToken);
                if (claimed.Count > 0)
                {
                    pacer.Use(claimed.Count);
                    // Once claimed, a batch runs to the end even while stopping, so its outcome is recorded.
                    await sender.SendAsync(claimed, settings.MaxAttempts, CancellationToken.None);
                }
                if (claimed.Count < batchSize)
                {
                    await store.CompleteFinishedAsync(clock.GetUtcNow(), stoppingToken);
                    var untilSweep = recovery.Next - clock.GetUtcNow();
                    await signal.WaitAsync(untilSweep < settings.PollInterval ? TimeSpan.FromTicks(Math.Max(untilSweep.Ticks, 0)) : settings.PollInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "Dispatcher pass failed; trying again shortly");
                await Task.Delay(settings.PollInterval, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}

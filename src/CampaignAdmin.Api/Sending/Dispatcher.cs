using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace CampaignAdmin.Api.Sending;

/// <summary>
/// Starts due campaigns, claims PENDING messages in batches, sends them at the configured pace, and completes
/// campaigns with nothing left to send (docs/SENDING.md).
/// </summary>
public sealed class Dispatcher(
    MessageStore store,
    MessageSender sender,
    DispatcherSignal signal,
    IOptions<DispatcherOptions> options,
    TimeProvider clock,
    ILogger<Dispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan SettleInterval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled) return;
        var pacer = new Pacer(settings.MessagesPerSecond);
        var lastSettle = DateTimeOffset.MinValue;
        await Task.Yield();

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var now = clock.GetUtcNow();
                if (now - lastSettle >= SettleInterval)
                {
                    var settled = await store.SettleExpiredLeasesAsync(sender.Owner, now, stoppingToken);
                    if (settled > 0) logger.LogWarning("Settled {Count} messages left SENDING by a stopped sender as outcome unknown", settled);
                    lastSettle = now;
                }
                await store.PromoteDueCampaignsAsync(now, stoppingToken);

                var batchSize = pacer.BatchSize(settings.BatchSize);
                var claimed = await store.ClaimAsync(sender.Owner, now, settings.Lease, batchSize, stoppingToken);
                if (claimed.Count > 0)
                {
                    try
                    {
                        await pacer.WaitForAsync(claimed.Count, stoppingToken);
                    }
                    catch (OperationCanceledException)
                    {
                        // Stopping before the provider saw them: they were certainly not sent.
                        await store.ReleaseAsync(sender.Owner, claimed, CancellationToken.None);
                        throw;
                    }
                    // Once a batch goes to the provider it runs to the end, so its outcome is recorded.
                    await sender.SendAsync(claimed, settings.MaxAttempts, CancellationToken.None);
                }
                if (claimed.Count < batchSize)
                {
                    await store.CompleteFinishedAsync(clock.GetUtcNow(), stoppingToken);
                    await signal.WaitAsync(settings.PollInterval, stoppingToken);
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

    /// <summary>Keeps the average rate at or below the configured messages per second; 0 is unpaced.</summary>
    private sealed class Pacer(int perSecond)
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private double _nextFreeSeconds;

        /// <summary>Paced batches are a fifth of a second's worth, so the rate stays smooth.</summary>
        public int BatchSize(int max) => perSecond <= 0 ? max : Math.Clamp(perSecond / 5, 1, max);

        public async Task WaitForAsync(int count, CancellationToken cancellationToken)
        {
            if (perSecond <= 0) return;
            var now = _clock.Elapsed.TotalSeconds;
            var wait = _nextFreeSeconds - now;
            if (wait > 0) await Task.Delay(TimeSpan.FromSeconds(wait), cancellationToken);
            _nextFreeSeconds = Math.Max(_nextFreeSeconds, now) + count / (double)perSecond;
        }
    }
}

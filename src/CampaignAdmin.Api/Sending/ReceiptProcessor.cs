using System.Threading.Channels;

namespace CampaignAdmin.Api.Sending;

/// <summary>
/// Applies delivery receipts in batches. A receipt can arrive before the send it reports on is recorded; such a
/// receipt is tried again for a while rather than lost.
/// </summary>
public sealed class ReceiptProcessor(MessageStore store, SendingMetrics metrics, TimeProvider clock, ILogger<ReceiptProcessor> logger) : BackgroundService, IReceiptSink
{
    private const int BatchSize = 2000;
    private const int MaxRetries = 30;
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    private readonly Channel<(Receipt Receipt, int Tries)> _queue = Channel.CreateUnbounded<(Receipt, int)>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(Receipt receipt) => _queue.Writer.TryWrite((receipt, 0));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<(Receipt Receipt, int Tries)>(BatchSize);
        while (await _queue.Reader.WaitToReadAsync(stoppingToken))
        {
            batch.Clear();
            while (batch.Count < BatchSize && _queue.Reader.TryRead(out var item)) batch.Add(item);
            try
            {
                var unmatched = await store.ApplyReceiptsAsync(batch.Select(b => b.Receipt).ToList(), stoppingToken);
                metrics.ReceiptsWereApplied(batch.Count - unmatched.Count);
                if (unmatched.Count > 0)
                {
                    var set = unmatched.ToHashSet();
                    Retry(batch.Where(b => set.Contains(b.Receipt)).ToList(), stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "Applying {Count} receipts failed; they will be tried again", batch.Count);
                Retry(batch.ToList(), stoppingToken);
            }
        }
    }

    private void Retry(List<(Receipt Receipt, int Tries)> items, CancellationToken stoppingToken)
    {
        var again = items.Where(i => i.Tries < MaxRetries).ToList();
        if (again.Count < items.Count) logger.LogWarning("Dropped {Count} receipts for unknown messages", items.Count - again.Count);
        if (again.Count == 0) return;
        _ = Task.Delay(RetryDelay, clock, stoppingToken).ContinueWith(_ =>
        {
            foreach (var (receipt, tries) in again) _queue.Writer.TryWrite((receipt, tries + 1));
        }, TaskScheduler.Default);
    }
}

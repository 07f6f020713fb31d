namespace CampaignAdmin.Api.Sending.Sandbox;

/// <summary>Holds the sandbox's future receipts and hands each to the receipt sink when it is due.</summary>
public sealed class SandboxReceipts(IReceiptSink sink, TimeProvider clock) : BackgroundService
{
    private readonly PriorityQueue<Receipt, DateTimeOffset> _due = new();
    private readonly Lock _lock = new();

    public void Schedule(Receipt receipt)
    {
        lock (_lock) _due.Enqueue(receipt, receipt.At);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var now = clock.GetUtcNow();
            lock (_lock)
            {
                while (_due.TryPeek(out var receipt, out var at) && at <= now)
                {
                    _due.Dequeue();
                    sink.Enqueue(receipt);
                }
            }
        }
    }
}

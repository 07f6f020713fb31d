using CampaignAdmin.Api.Sending.WhatsAppCloud.Templates;

namespace CampaignAdmin.Api.Sending.WhatsAppCloud.Webhooks;

/// <summary>
/// Applies the deliveries in <see cref="WebhookInbox"/>: woken by each one this process writes, and every
/// <see cref="PollInterval"/> for those another process wrote, a back-off that ran out, or what a stopped process left
/// (also at start). Statuses go through the store's receipt path (forward only, duplicates change nothing, a key settles
/// an "outcome unknown" message); a status whose message is not known yet (its send's answer is still being recorded)
/// is kept and tried again with back-off, up to <see cref="MaxAttempts"/>. Logs counts, never a body.
/// </summary>
public sealed class WebhookProcessor(
    WebhookInbox inbox, WebhookSignal signal, MessageStore store, TemplateStatusUpdates templates, SendingMetrics metrics,
    TimeProvider clock, ILogger<WebhookProcessor> logger) : BackgroundService
{
    /// <summary>
    /// Deliveries taken (and their statuses applied in one transaction) at once. Small enough that a new delivery's INSERT,
    /// which Meta waits on, never queues long behind the apply on SQLite's one write lock; large enough to batch.
    /// </summary>
    public const int TakeSize = 8;

    /// <summary>A status whose message stays unknown this many takes (about 12 minutes with the back-off) is dropped.</summary>
    public const int MaxAttempts = 12;

    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    /// <summary>Longer than applying a take can take: then another process may take it again (applying twice changes nothing).</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var more = false;
            try
            {
                more = await ProcessOnceAsync(stoppingToken) == TakeSize;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // The deliveries stay in the inbox; their lease runs out and they are taken again.
                logger.LogError(exception, "Applying webhook deliveries failed; they will be tried again");
            }
            if (more) continue;
            try { await signal.WaitAsync(PollInterval, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>One take: applies it, and answers how many deliveries it held.</summary>
    public async Task<int> ProcessOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var taken = await inbox.TakeAsync(now, Lease, TakeSize, cancellationToken);
        if (taken.Count == 0) return 0;

        var read = taken.Select(t => (Delivery: t, Payload: WebhookPayload.Read(t.Body))).ToList();
        var skipped = read.Sum(r => r.Payload.Skipped);
        if (skipped > 0) logger.LogWarning("Skipped {Count} unreadable statuses or events in {Deliveries} webhook deliveries", skipped, taken.Count);

        await templates.ApplyAsync(read.SelectMany(r => r.Payload.Templates).ToList(), cancellationToken);
        var receipts = read.SelectMany(r => r.Payload.Statuses.Select(s => s.Receipt)).ToList();
        var unmatched = receipts.Count == 0 ? [] : (await store.ApplyReceiptsAsync(receipts, cancellationToken)).ToHashSet();
        metrics.ReceiptsWereApplied(receipts.Count - unmatched.Count);

        var done = new List<long>();
        var dropped = 0;
        foreach (var (delivery, payload) in read)
        {
            var waiting = payload.Statuses.Where(s => unmatched.Contains(s.Receipt)).ToList();
            if (waiting.Count == 0) done.Add(delivery.Id);
            else if (delivery.Attempts >= MaxAttempts) { done.Add(delivery.Id); dropped += waiting.Count; }
            else await inbox.KeepAsync(delivery.Id, WebhookPayload.Remainder(waiting), now + Backoff(delivery.Attempts), cancellationToken);
        }
        await inbox.DeleteAsync(done, cancellationToken);
        if (dropped > 0) logger.LogWarning("Dropped {Count} WhatsApp statuses for messages that are not ours or never became known", dropped);
        return taken.Count;
    }

    /// <summary>1 s, 2 s, 4 s … capped at 2 minutes.</summary>
    private static TimeSpan Backoff(int attempts) => TimeSpan.FromSeconds(Math.Min(120, Math.Pow(2, attempts - 1)));
}

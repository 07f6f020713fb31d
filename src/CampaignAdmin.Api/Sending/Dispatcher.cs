using Microsoft.Extensions.Options;

namespace CampaignAdmin.Api.Sending;

/// <summary>
/// Settles what a stopped sender left behind, starts due campaigns on time, claims PENDING messages, hands them to
/// the provider one pace slot at a time, and completes campaigns with nothing left to send (docs/SENDING.md).
/// <list type="bullet">
/// <item>Due campaigns are started by a timer set for the next <c>SendAt</c> (and reset whenever a campaign is created
/// or rescheduled), not by the poll, which remains only as a safety net.</item>
/// <item>Paced, a claim is a fifth of a second's worth and goes out in slots of a hundredth (<see cref="Pacer"/>); up
/// to <see cref="DispatcherOptions.MaxInFlight"/> slots wait for the provider's answer at once, so neither the
/// database writes nor a slow provider hold the pace back.</item>
/// </list>
/// </summary>
public sealed class Dispatcher(
    MessageStore store,
    MessageSender sender,
    Recovery recovery,
    DispatcherSignal signal,
    Pacer pacer,
    IOptions<DispatcherOptions> options,
    TimeProvider clock,
    ILogger<Dispatcher> logger,
    ISendingPause? pause = null) : BackgroundService
{
    /// <summary>A timer may fire a little early: a campaign due in less than this is waited for by looking again.</summary>
    private static readonly TimeSpan Shortest = TimeSpan.FromMilliseconds(1);

    /// <summary>Claimed, not yet handed over (never more than one claim's worth, a fifth of a second when paced).</summary>
    private readonly Queue<MessageStore.Claimed> _claimed = new();

    /// <summary>Batches handed to the provider and not yet recorded.</summary>
    private readonly List<Task> _inFlight = [];

    /// <summary>When to look for due campaigns next: the next <c>SendAt</c>, or the poll interval from the last look.</summary>
    private DateTimeOffset _promoteAt = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled) return;
        await Task.Yield();

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var now = clock.GetUtcNow();
                if (recovery.IsDue(now)) await recovery.SweepAsync(sender.Owner, now, stoppingToken);
                if (signal.TakeWake() || now >= _promoteAt) await PromoteAsync(settings, now, stoppingToken);
                if (await IsPausedAsync(stoppingToken))
                {
                    await signal.WaitAsync(UntilNextWork(settings), stoppingToken);
                    continue;
                }

                var claimSize = pacer.BatchSize(settings.BatchSize);
                var lastClaim = claimSize;
                if (_claimed.Count == 0)
                {
                    var claimed = await store.ClaimAsync(sender.Owner, clock.GetUtcNow(), settings.Lease, claimSize, stoppingToken);
                    foreach (var message in claimed) _claimed.Enqueue(message);
                    lastClaim = claimed.Count;
                }
                if (_claimed.Count > 0) await HandOverNextSlotAsync(settings, stoppingToken);

                if (_claimed.Count == 0 && lastClaim < claimSize)
                {
                    await WhileInFlightAsync(0);
                    await store.CompleteFinishedAsync(clock.GetUtcNow(), stoppingToken);
                    await signal.WaitAsync(UntilNextWork(settings), stoppingToken);
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
        await WhileInFlightAsync(0);
        // Claimed and never handed over: back to the queue now, rather than when their lease ends.
        if (_claimed.Count > 0) await store.ReleaseAsync(sender.Owner, _claimed.ToList(), CancellationToken.None);
    }

    /// <summary>
    /// While the provider has paused sending (<see cref="ISendingPause"/>), nothing is claimed and what is claimed and not
    /// handed over goes back, its attempt given back: the queue waits intact for sending to resume.
    /// </summary>
    private async Task<bool> IsPausedAsync(CancellationToken cancellationToken)
    {
        if (pause is null || await pause.CurrentAsync(cancellationToken) is null) return false;
        if (_claimed.Count > 0)
        {
            await store.ReleaseAsync(sender.Owner, _claimed.ToList(), CancellationToken.None);
            _claimed.Clear();
        }
        return true;
    }

    private async Task PromoteAsync(DispatcherOptions settings, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var id in await store.PromoteDueCampaignsAsync(now, cancellationToken))
            logger.LogInformation("Campaign {CampaignId} is due: it starts sending", id);
        var next = await store.NextSendAtAsync(cancellationToken);
        _promoteAt = next is { } due && due < now + settings.PollInterval ? due : now + settings.PollInterval;
    }

    /// <summary>Waits for room with the provider and for the pace, then starts the next slot of claimed messages on its way.</summary>
    private async Task HandOverNextSlotAsync(DispatcherOptions settings, CancellationToken cancellationToken)
    {
        await WhileInFlightAsync(settings.MaxInFlight - 1);
        var size = pacer.IsPaced ? Math.Min(pacer.SlotSize, _claimed.Count) : _claimed.Count;
        var slot = await pacer.TakeAsync(size, cancellationToken);
        var batch = new List<MessageStore.Claimed>(size);
        while (batch.Count < size) batch.Add(_claimed.Dequeue());
        // On the thread pool: SQLite's "async" calls run synchronously, so awaiting here would hold the loop for the whole send.
        _inFlight.Add(Task.Run(() => SendAsync(batch, slot, settings.MaxAttempts), CancellationToken.None));
    }

    /// <summary>
    /// One slot: marked, handed over and recorded while the loop goes on with the next. Once claimed, a batch runs to
    /// the end even while stopping, so its outcome is recorded.
    /// </summary>
    private async Task SendAsync(List<MessageStore.Claimed> batch, Pacer.Slot slot, int maxAttempts)
    {
        using (slot)
        {
            try
            {
                await sender.SendAsync(batch, maxAttempts, slot, CancellationToken.None);
            }
            catch (Exception exception)
            {
                // What was not handed over went back at once; anything else is settled by recovery when its lease ends.
                logger.LogError(exception, "Sending a batch of {Count} messages failed", batch.Count);
            }
        }
    }

    private async Task WhileInFlightAsync(int atMost)
    {
        while (_inFlight.Count > Math.Max(atMost, 0))
        {
            await Task.WhenAny(_inFlight);
            _inFlight.RemoveAll(task => task.IsCompleted);
        }
    }

    /// <summary>
    /// The idle wait: until the next scheduled campaign is due (so it starts on time, not on the next poll), the next
    /// recovery sweep or the poll interval, whichever is first. Creating or rescheduling a campaign wakes it sooner.
    /// </summary>
    private TimeSpan UntilNextWork(DispatcherOptions settings)
    {
        var now = clock.GetUtcNow();
        var wait = settings.PollInterval;
        if (recovery.Next - now < wait) wait = recovery.Next - now;
        if (_promoteAt - now < wait) wait = _promoteAt - now;
        return wait < Shortest ? Shortest : wait;
    }
}

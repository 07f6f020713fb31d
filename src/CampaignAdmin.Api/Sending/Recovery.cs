using Microsoft.Extensions.Options;

namespace CampaignAdmin.Api.Sending;

/// <summary>
/// When the dispatcher settles what a stopped sender left behind: on the first pass after a start, then when the
/// earliest lease held by another owner has run out plus <see cref="DispatcherOptions.SettleGrace"/>, and otherwise
/// every <see cref="DispatcherOptions.Lease"/>.
/// </summary>
public sealed class Recovery(MessageStore store, DoubtSettler doubt, IOptions<DispatcherOptions> options, ILogger<Recovery> logger)
{
    private DateTimeOffset _next = DateTimeOffset.MinValue;
    private bool _started;

    public bool IsDue(DateTimeOffset now) => now >= _next;

    /// <summary>When the next sweep is due.</summary>
    public DateTimeOffset Next => _next;

    public async Task SweepAsync(string owner, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var recovered = await store.RecoverExpiredAsync(owner, now, cancellationToken);
        if (recovered.Requeued > 0 || recovered.InDoubt.Count > 0)
        {
            logger.LogWarning("A stopped sender left {Requeued} messages claimed but never handed to the provider (re-queued) and {InDoubt} handed over " +
                              "with no answer (outcome unknown)", recovered.Requeued, recovered.InDoubt.Count);
        }
        // The provider is asked after a start (about all doubt left by earlier runs), and about new doubt.
        if (!_started) await doubt.SettleAsync(null, now, cancellationToken);
        else if (recovered.InDoubt.Count > 0) await doubt.SettleAsync(recovered.InDoubt.Select(d => d.Id).ToList(), now, cancellationToken);
        _started = true;

        var next = now + settings.Lease;
        if (recovered.NextExpiry is { } expiry && expiry + settings.SettleGrace < next) next = expiry + settings.SettleGrace;
        _next = next;
    }
}

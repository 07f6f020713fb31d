namespace CampaignAdmin.Api.Sending;

/// <summary>
/// At most one message to one recipient per <see cref="Interval"/>: WhatsApp's pair limit (one message every 6 s from
/// a business number to one user; more is refused with 131056). Registered by a provider that has such a limit; the
/// sender asks it right before the hand-over mark, and a message that may not go yet goes back to PENDING until it may
/// (<see cref="MessageStore.DeferAsync"/>), its attempt given back.
/// <para>Why the sender and not the claim: the claim takes a fifth of a second's worth in one statement per campaign,
/// and would need an index on the recipient (a migration on both databases) and a look at every recent message of each
/// recipient on the hottest path of every provider. Two messages to one number are rare (one campaign never has the
/// same number twice; it takes two campaigns, a retry or a resend), so a map of this process's last hand-over per
/// number, consulted where the messages are already in hand, costs nothing in the common case. Across several API
/// processes (PostgreSQL) it is this process's view only: a second process may send to the same number within the
/// interval, which Meta refuses with 131056, certainly not sent, so retried with back-off and spaced again here.</para>
/// </summary>
public sealed class RecipientSpacing(TimeSpan interval)
{
    private const int PruneAbove = 50_000;

    private readonly Dictionary<string, DateTimeOffset> _last = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public TimeSpan Interval { get; } = interval;

    /// <summary>True, and <paramref name="to"/> is counted as sent at <paramref name="now"/>, when it may go; else false and when it may.</summary>
    public bool TryReserve(string to, DateTimeOffset now, out DateTimeOffset allowedAt)
    {
        lock (_gate)
        {
            if (_last.TryGetValue(to, out var last) && now - last < Interval)
            {
                allowedAt = last + Interval;
                return false;
            }
            if (_last.Count > PruneAbove) Prune(now);
            _last[to] = now;
            allowedAt = now;
            return true;
        }
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (to, last) in _last.ToList())
            if (now - last >= Interval) _last.Remove(to);
    }
}

namespace CampaignAdmin.Dashboard.Live;

/// <summary>
/// How often an open page re-reads. Pushed: at most one re-read in flight plus one pending, started at least
/// <see cref="MinGap"/> apart, so a dispatch of 1,000 messages a second is a few re-reads a second per page. Polled: from
/// <see cref="First"/>, doubling after each poll that found nothing new, up to <see cref="Max"/>, while underway; every
/// <see cref="Slow"/> while only read receipts may still arrive.
/// </summary>
public sealed record LivePace(TimeSpan First, TimeSpan Max, TimeSpan Slow, TimeSpan MinGap)
{
    public static LivePace Default { get; } = new(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(250));

    /// <summary>The interval after a poll: the same when it found a change, else doubled (up to <see cref="Max"/>).</summary>
    public TimeSpan After(TimeSpan interval, bool changed) =>
        changed ? interval : TimeSpan.FromTicks(Math.Min(interval.Ticks * 2, Math.Max(Max.Ticks, interval.Ticks)));

    /// <summary>The pace with its polling starting no sooner than <paramref name="first"/> (a costly re-read).</summary>
    public LivePace StartingAt(TimeSpan first) => first <= First ? this : this with { First = first, Max = first > Max ? first : Max };
}

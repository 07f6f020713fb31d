namespace CampaignAdmin.Api.Sending;

/// <summary>
/// The pace of everything this process hands to the provider (campaigns and a person's resends alike), at
/// <c>Dispatcher:MessagesPerSecond</c>; 0 is unpaced. Two rules, both checked before a slot is given:
/// <list type="bullet">
/// <item>Slots are small (a hundredth of a second's worth) and spread evenly: each starts
/// <c>count / perSecond</c> after the one before, so no burst goes out at once.</item>
/// <item>A log of the moments messages were really handed over keeps every 1 s window at or under the cap (the
/// number's throughput tier is a hard limit) and every 100 ms window at or under 1.2× its share. A slot given but not
/// yet handed over counts in every window, so two callers can't both take the last room.</item>
/// </list>
/// The moment logged is the provider's own reading of <see cref="SendMoment"/>, right before the batch goes on the wire
/// and after the hand-over mark is written, so the time that write takes can never squeeze two slots closer together
/// than the windows allow.
/// <para>The provider's clock is still not ours: between that reading and the request on the wire (and over the network)
/// a busy machine can lose a few milliseconds, which moves one message into the next window. So the log keeps one slot
/// of <see cref="Headroom"/> under each cap (at 100/s: 99 a second and 11 in 100 ms; at 1,000/s: 990 and 110). It
/// costs a hundredth of the pace.</para>
/// </summary>
public sealed class Pacer
{
    /// <summary>The hard window: never more than the cap in any second.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    /// <summary>The smoothness window: never more than <see cref="ShortWindowShare"/> × a tenth of the cap in 100 ms.</summary>
    public static readonly TimeSpan ShortWindow = TimeSpan.FromMilliseconds(100);

    public const double ShortWindowShare = 1.2;

    private readonly TimeProvider _clock;
    private readonly long _window;
    private readonly long _shortWindow;
    private readonly long _ticksPerMessage;
    private readonly int _secondLimit;
    private readonly int _shortLimit;
    /// <summary>Lateness the schedule absorbs: a fifth of the short window (its 1.2× allowance).</summary>
    private readonly long _catchUp;
    private readonly Lock _gate = new();
    private readonly Queue<(long At, int Count)> _handedOver = new();
    private long _nextFree;
    private int _reserved;

    public Pacer(int perSecond, TimeProvider clock)
    {
        PerSecond = Math.Max(perSecond, 0);
        _clock = clock;
        var frequency = clock.TimestampFrequency;
        _window = frequency;
        _shortWindow = frequency / 10;
        _catchUp = _shortWindow / 5;
        if (PerSecond == 0) return;
        SlotSize = Math.Max(1, PerSecond / 100);
        ShortWindowCap = Math.Max(SlotSize, (int)Math.Floor(ShortWindowShare * PerSecond / 10));
        Headroom = PerSecond >= MinPaceWithHeadroom ? SlotSize : 0;
        _secondLimit = PerSecond - Headroom;
        // The schedule keeps to the limit, so no second's last slot has to wait for its first to leave.
        _ticksPerMessage = frequency / _secondLimit;
        _shortLimit = Math.Max(SlotSize, ShortWindowCap - Headroom);
    }

    /// <summary>Below this pace one message is more than 2% of a second's worth, too much to keep free (no WhatsApp tier is that slow: 80/s is the lowest).</summary>
    public const int MinPaceWithHeadroom = 50;

    /// <summary>Room the log keeps free under each window's cap for the way from our log to the provider's clock: a slot, or 0 below <see cref="MinPaceWithHeadroom"/>.</summary>
    public int Headroom { get; }

    public int PerSecond { get; }

    /// <summary>Messages per slot: 10 at 1,000/s, 1 at 80/s.</summary>
    public int SlotSize { get; }

    /// <summary>At most this many in any 100 ms: 120 at 1,000/s, 9 at 80/s.</summary>
    public int ShortWindowCap { get; }

    public bool IsPaced => PerSecond > 0;

    /// <summary>How many to claim at once: a fifth of a second's worth when paced (handed over a slot at a time), <paramref name="max"/> when not.</summary>
    public int BatchSize(int max) => IsPaced ? Math.Min(Math.Max(SlotSize, PerSecond / 5), max) : max;

    /// <summary>Waits until <paramref name="count"/> (at most a slot) may go, and holds that room until the slot is disposed.</summary>
    public async Task<Slot> TakeAsync(int count, CancellationToken cancellationToken)
    {
        if (!IsPaced || count <= 0) return Slot.Unpaced;
        count = Math.Min(count, SlotSize);
        while (true)
        {
            if (TryTake(count, _clock.GetTimestamp(), out var wait) is { } slot) return slot;
            await Task.Delay(TimeSpan.FromSeconds(wait / (double)_clock.TimestampFrequency), _clock, cancellationToken);
        }
    }

    /// <summary>A slot for <paramref name="count"/> at <paramref name="now"/>, or null and how long to wait (clock ticks).</summary>
    internal Slot? TryTake(int count, long now, out long wait)
    {
        lock (_gate)
        {
            wait = TicksUntilFree(count, now);
            if (wait > 0) return null;
            _reserved += count;
            return new Slot(this, count, now);
        }
    }

    /// <summary>0 when <paramref name="count"/> may go at <paramref name="now"/>; otherwise how long until it may (clock ticks).</summary>
    internal long TicksUntilFree(int count, long now)
    {
        while (_handedOver.Count > 0 && _handedOver.Peek().At <= now - _window) _handedOver.Dequeue();
        var wait = Math.Max(0, _nextFree - now);
        wait = Math.Max(wait, UntilRoom(now, _window, _secondLimit - _reserved - count));
        wait = Math.Max(wait, UntilRoom(now, _shortWindow, _shortLimit - _reserved - count));
        return wait;
    }

    /// <summary>How long until the messages handed over in the last <paramref name="window"/> are at most <paramref name="room"/>.</summary>
    private long UntilRoom(long now, long window, int room)
    {
        if (room < 0) return window / 100; // only slots given and not yet handed over are in the way: look again shortly
        var inWindow = 0;
        foreach (var (at, count) in _handedOver)
            if (at > now - window) inWindow += count;
        if (inWindow <= room) return 0;
        // Oldest first: the moment enough of them have left the window.
        var over = inWindow - room;
        foreach (var (at, count) in _handedOver)
        {
            if (at <= now - window) continue;
            over -= count;
            if (over <= 0) return at + window - now;
        }
        return window;
    }

    internal void HandedOver(int reserved, int count, long takenAt, long at)
    {
        lock (_gate)
        {
            _reserved -= reserved;
            if (count <= 0) return;
            _handedOver.Enqueue((at, count));
            // A slot given a little late (a timer that fired late, a busy machine) keeps the schedule, so the average keeps
            // to the pace instead of losing every lateness; after an idle spell the schedule starts again from now.
            _nextFree = (takenAt - _nextFree > _catchUp ? takenAt : _nextFree) + count * _ticksPerMessage;
        }
    }

    internal void Release(int reserved)
    {
        lock (_gate) _reserved -= reserved;
    }

    /// <summary>
    /// The measure of the promise above: the most messages in any window of <paramref name="window"/> (any unit) over
    /// <paramref name="sends"/> (oldest first), taken at the window ending at each send, where the maximum is. The tests
    /// and the benchmark count with it.
    /// </summary>
    internal static int MostInAnyWindow(IReadOnlyList<(long At, int Count)> sends, long window)
    {
        var (most, sum, start) = (0, 0, 0);
        for (var end = 0; end < sends.Count; end++)
        {
            sum += sends[end].Count;
            while (sends[start].At <= sends[end].At - window) sum -= sends[start++].Count;
            most = Math.Max(most, sum);
        }
        return most;
    }

    /// <summary>
    /// Room for up to a slot's messages. Call <see cref="HandedOver"/> right before the provider call with how many go;
    /// disposing without it gives the room back.
    /// </summary>
    public sealed class Slot : IDisposable
    {
        internal static readonly Slot Unpaced = new(null, 0, 0);

        private readonly Pacer? _pacer;
        private readonly long _takenAt;
        private int _reserved;

        internal Slot(Pacer? pacer, int reserved, long takenAt)
        {
            _pacer = pacer;
            _reserved = reserved;
            _takenAt = takenAt;
        }

        /// <summary><paramref name="count"/> messages go to the provider now.</summary>
        public void HandedOver(int count) => HandedOver(count, _pacer?._clock.GetTimestamp() ?? 0);

        /// <summary><paramref name="count"/> messages went to the provider at <paramref name="at"/> (the pacer's clock's timestamp).</summary>
        internal void HandedOver(int count, long at)
        {
            if (_pacer is null || _reserved == 0) return;
            _pacer.HandedOver(_reserved, Math.Min(count, _reserved), _takenAt, at);
            _reserved = 0;
        }

        public void Dispose()
        {
            if (_pacer is null || _reserved == 0) return;
            _pacer.Release(_reserved);
            _reserved = 0;
        }
    }
}

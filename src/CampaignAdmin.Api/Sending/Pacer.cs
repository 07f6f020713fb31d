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
/// than the windows allow. An HTTP provider's batch is logged when its last request has started on the wire
/// (<see cref="SendMoment.Departing"/>): a request that waited for a connection would otherwise reach the provider later
/// than logged, next to slots given after it (at 1,000/s the fake Graph API saw 1,006 in one second). Logged no earlier
/// than any real departure, and counted in every window until then, no window of departures can hold more than the log
/// allows.
/// <para>The provider's clock is still not ours: between that reading and the request on the wire (and over the network)
/// a busy machine can lose a few milliseconds, which moves one message into the next window. So the log keeps one slot
/// of <see cref="Headroom"/> under each cap (at 100/s: 99 a second and 11 in 100 ms; at 1,000/s: 990 and 110). It
/// costs a hundredth of the pace.</para>
/// <para>On PostgreSQL, with several API processes on one database, the same two rules hold for all of them together:
/// the log and the schedule live in the database (<see cref="ISharedPace"/>, Data/Postgres/PostgresPace.cs), on the
/// database's clock, and this process keeps none of its own.</para>
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
    private readonly long _ticksPerMessage;
    private readonly int _secondLimit;
    private readonly int _shortLimit;
    private readonly Lock _gate = new();
    private readonly Queue<(long At, int Count)> _handedOver = new();
    private long _nextFree;
    private int _reserved;
    private readonly ISharedPace? _shared;

    /// <param name="shared">The pace shared by every process on the database, or null for this process's own (SQLite).</param>
    public Pacer(int perSecond, TimeProvider clock, ISharedPace? shared = null)
    {
        PerSecond = Math.Max(perSecond, 0);
        _clock = clock;
        _shared = shared;
        var frequency = clock.TimestampFrequency;
        _window = frequency;
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

    /// <summary>Whether the pace is kept with every other process on the database rather than by this one alone.</summary>
    public bool IsShared => _shared is not null && IsPaced;

    /// <summary>Microseconds between two messages at the pace the schedule keeps (the cap less the headroom).</summary>
    internal long MicrosPerMessage => IsPaced ? 1_000_000 / _secondLimit : 0;

    /// <summary>How many to claim at once: a fifth of a second's worth when paced (handed over a slot at a time), <paramref name="max"/> when not.</summary>
    public int BatchSize(int max) => IsPaced ? Math.Min(Math.Max(SlotSize, PerSecond / 5), max) : max;

    /// <summary>Waits until <paramref name="count"/> (at most a slot) may go, and holds that room until the slot is disposed.</summary>
    public async Task<Slot> TakeAsync(int count, CancellationToken cancellationToken)
    {
        if (!IsPaced || count <= 0) return Slot.Unpaced;
        count = Math.Min(count, SlotSize);
        while (true)
        {
            if (_shared is not null)
            {
                var (given, waitFor) = await _shared.TryTakeAsync(this, count, cancellationToken);
                if (given is not null) return new Slot(this, count, 0, given);
                await Task.Delay(waitFor, _clock, cancellationToken);
                continue;
            }
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
        return UntilFree(_handedOver, _reserved, _nextFree, count, now, _window);
    }

    /// <summary>
    /// The two rules over a log of hand-overs (oldest first), in any unit where <paramref name="window"/> is a second:
    /// 0 when <paramref name="count"/> may go at <paramref name="now"/>, otherwise how long until it may. Slots given and
    /// not yet handed over (<paramref name="reserved"/>) count in every window. The shared pace runs it on the database's log.
    /// </summary>
    internal long UntilFree(IReadOnlyCollection<(long At, int Count)> log, int reserved, long nextFree, int count, long now, long window)
    {
        var wait = Math.Max(0, nextFree - now);
        wait = Math.Max(wait, UntilRoom(log, now, window, _secondLimit - reserved - count));
        wait = Math.Max(wait, UntilRoom(log, now, window / 10, _shortLimit - reserved - count));
        return wait;
    }

    /// <summary>How long until the messages handed over in the last <paramref name="window"/> are at most <paramref name="room"/>.</summary>
    private static long UntilRoom(IReadOnlyCollection<(long At, int Count)> log, long now, long window, int room)
    {
        if (room < 0) return window / 100; // only slots given and not yet handed over are in the way: look again shortly
        var inWindow = 0;
        foreach (var (at, count) in log)
            if (at > now - window) inWindow += count;
        if (inWindow <= room) return 0;
        // Oldest first: the moment enough of them have left the window.
        var over = inWindow - room;
        foreach (var (at, count) in log)
        {
            if (at <= now - window) continue;
            over -= count;
            if (over <= 0) return at + window - now;
        }
        return window;
    }

    /// <summary>
    /// Where the even spread puts the slot after one of <paramref name="count"/> given at <paramref name="now"/>, when the
    /// schedule stood at <paramref name="nextFree"/> (the same rule as this process's own, in the log's unit).
    /// </summary>
    internal static long NextFreeAfter(long nextFree, long now, int count, long window, long perMessage) =>
        (now - nextFree > window / 50 ? now : nextFree) + count * perMessage;

    internal void HandedOver(int reserved, int count, long takenAt, long at)
    {
        lock (_gate)
        {
            _reserved -= reserved;
            if (count <= 0) return;
            _handedOver.Enqueue((at, count));
            // A slot given a little late (a timer that fired late, a busy machine) keeps the schedule, so the average keeps
            // to the pace instead of losing every lateness; after an idle spell the schedule starts again from now.
            _nextFree = NextFreeAfter(_nextFree, takenAt, count, _window, _ticksPerMessage);
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
    internal static int MostInAnyWindow(IReadOnlyList<(long At, int Count)> sends, long window) => BusiestWindow(sends, window).Most;

    /// <summary>The busiest window of <see cref="MostInAnyWindow"/>: how many it holds, and the index of the send it ends at (-1 for none).</summary>
    internal static (int Most, int End) BusiestWindow(IReadOnlyList<(long At, int Count)> sends, long window)
    {
        var (most, at, sum, start) = (0, -1, 0, 0);
        for (var end = 0; end < sends.Count; end++)
        {
            sum += sends[end].Count;
            while (sends[start].At <= sends[end].At - window) sum -= sends[start++].Count;
            if (sum > most) (most, at) = (sum, end);
        }
        return (most, at);
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
        private readonly ISharedSlot? _shared;
        private int _reserved;

        internal Slot(Pacer? pacer, int reserved, long takenAt, ISharedSlot? shared = null)
        {
            _pacer = pacer;
            _reserved = reserved;
            _takenAt = takenAt;
            _shared = shared;
        }

        /// <summary><paramref name="count"/> messages go to the provider now.</summary>
        public void HandedOver(int count) => HandedOver(count, _pacer?._clock.GetTimestamp() ?? 0);

        /// <summary><paramref name="count"/> messages went to the provider at <paramref name="at"/> (the pacer's clock's timestamp).</summary>
        internal void HandedOver(int count, long at)
        {
            if (_pacer is null || _reserved == 0) return;
            if (_shared is not null) _shared.HandedOver(Math.Min(count, _reserved), _pacer._clock.GetUtcNow());
            else _pacer.HandedOver(_reserved, Math.Min(count, _reserved), _takenAt, at);
            _reserved = 0;
        }

        public void Dispose()
        {
            if (_pacer is null || _reserved == 0) return;
            if (_shared is not null) _shared.Release();
            else _pacer.Release(_reserved);
            _reserved = 0;
        }
    }
}

/// <summary>
/// The pace kept by every process on one database together (PostgreSQL: <c>Data/Postgres/PostgresPace.cs</c>): the log
/// of hand-overs and the even schedule live there, on the database's clock, and a slot is given under its lock.
/// </summary>
public interface ISharedPace
{
    /// <summary>A slot for <paramref name="count"/> now, or null and how long to wait before asking again.</summary>
    Task<(ISharedSlot? Slot, TimeSpan Wait)> TryTakeAsync(Pacer pacer, int count, CancellationToken cancellationToken);
}

/// <summary>A slot given by the shared pace: counted in every window until it is handed over, or given back.</summary>
public interface ISharedSlot
{
    /// <summary><paramref name="count"/> went to the provider at <paramref name="at"/> (this process's clock): the log gets that moment.</summary>
    void HandedOver(int count, DateTimeOffset at);

    /// <summary>Nothing went: the room is free again.</summary>
    void Release();
}

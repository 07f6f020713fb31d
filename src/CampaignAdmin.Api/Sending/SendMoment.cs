namespace CampaignAdmin.Api.Sending;

/// <summary>
/// The moment a batch goes on the wire. A provider reads it once, right before the batch leaves: the sandbox records
/// it as each message's <c>SentAt</c>. The pace log (<see cref="Pacer"/>) takes that same reading, so what the provider
/// counts and what the pacer counted are one clock read apart, not a thread hop that a busy machine can stretch.
/// <para>A provider whose batch leaves as separate requests (the Cloud API: one message a request) says so with
/// <see cref="Departing"/>: its requests may wait for a connection after that moment, so the pace logs the batch only
/// when the last of them has started on the wire (<see cref="Departure.Leave"/>), at that moment. The log is then never
/// earlier than any of the batch's real departures, which is what keeps every window at the provider within the cap
/// (the slot counts in every window until it is logged).</para>
/// A provider that fails before reading it, or whose requests never all left, is logged when its call returns: later
/// than it could have gone, never earlier.
/// </summary>
public sealed class SendMoment
{
    private readonly TimeProvider _clock;
    private readonly Pacer.Slot _slot;
    private readonly int _count;
    private readonly Lock _gate = new();
    private DateTimeOffset? _read;
    private int _waitingFor;
    private bool _logged;

    internal SendMoment(TimeProvider clock, Pacer.Slot slot, int count)
    {
        _clock = clock;
        _slot = slot;
        _count = count;
    }

    /// <summary>Now, the first time; the same moment on every later read. Logs the batch with the pace, unless <see cref="Departing"/> said otherwise.</summary>
    public DateTimeOffset Read()
    {
        lock (_gate)
        {
            if (_read is { } read) return read;
            _read = _clock.GetUtcNow();
            if (_waitingFor == 0) Log();
            return _read.Value;
        }
    }

    /// <summary>
    /// The batch leaves as <paramref name="requests"/> requests, each at its own moment: one <see cref="Departure"/> each,
    /// to be left when its request starts on the wire. The pace logs the batch when the last has left (at once for none).
    /// Reads the moment, if nothing had.
    /// </summary>
    public IReadOnlyList<Departure> Departing(int requests)
    {
        lock (_gate)
        {
            if (!_logged && _read is null) _waitingFor = Math.Max(requests, 0);
        }
        Read();
        var departures = new Departure[Math.Max(requests, 0)];
        for (var i = 0; i < departures.Length; i++) departures[i] = new Departure(this);
        return departures;
    }

    /// <summary>The provider's call has returned: what was not logged yet is logged now.</summary>
    internal void Ended()
    {
        Read();
        lock (_gate) Log();
    }

    private void Left()
    {
        lock (_gate)
        {
            if (_waitingFor == 0) return;
            if (--_waitingFor == 0) Log();
        }
    }

    private void Log()
    {
        if (_logged) return;
        _logged = true;
        _waitingFor = 0;
        _slot.HandedOver(_count, _clock.GetTimestamp());
    }

    /// <summary>One request of a batch: <see cref="Leave"/> when it starts on the wire (or ends without having left); later calls do nothing.</summary>
    public sealed class Departure
    {
        private readonly SendMoment _moment;
        private int _left;

        internal Departure(SendMoment moment) => _moment = moment;

        public void Leave()
        {
            if (Interlocked.Exchange(ref _left, 1) == 0) _moment.Left();
        }
    }
}

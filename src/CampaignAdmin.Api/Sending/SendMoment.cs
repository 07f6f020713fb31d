namespace CampaignAdmin.Api.Sending;

/// <summary>
/// The moment a batch goes on the wire. A provider reads it once, right before the batch leaves: the sandbox records
/// it as each message's <c>SentAt</c>, an HTTP provider reads it right before the request is written. The pace log
/// (<see cref="Pacer"/>) takes that same reading, so what the provider counts and what the pacer counted are one clock
/// read apart, not a thread hop that a busy machine can stretch. A provider that fails before reading it is logged
/// when its call returns: later than it could have gone, never earlier.
/// </summary>
public sealed class SendMoment
{
    private readonly TimeProvider _clock;
    private readonly Pacer.Slot _slot;
    private readonly int _count;
    private readonly Lock _gate = new();
    private DateTimeOffset? _read;

    internal SendMoment(TimeProvider clock, Pacer.Slot slot, int count)
    {
        _clock = clock;
        _slot = slot;
        _count = count;
    }

    /// <summary>Now, the first time; the same moment on every later read.</summary>
    public DateTimeOffset Read()
    {
        lock (_gate)
        {
            if (_read is { } read) return read;
            _slot.HandedOver(_count, _clock.GetTimestamp());
            _read = _clock.GetUtcNow();
            return _read.Value;
        }
    }
}

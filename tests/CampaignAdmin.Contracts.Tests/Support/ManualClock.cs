namespace CampaignAdmin.Contracts.Tests.Support;

/// <summary>A clock that moves only when told: elapsed time (timestamps) for limits and ages.</summary>
public sealed class ManualClock : TimeProvider
{
    private long _ticks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Read(ref _ticks);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
